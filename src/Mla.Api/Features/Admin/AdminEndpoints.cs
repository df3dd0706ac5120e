using Mediator;
using Mla.Api.Infrastructure.Auth;

namespace Mla.Api.Features.Admin;

/// <summary>Routes of administration: user accounts and reference data. Administrators only.</summary>
public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/admin").RequireAuthorization(Policies.Admin).WithTags("Administration")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        group.MapPost("/users", async (CreateUserCommand command, ISender sender, CancellationToken ct) =>
            {
                var user = await sender.Send(command, ct);
                return TypedResults.Created($"/api/admin/users/{user.Id}", user);
            })
            .WithName("CreateUser").WithSummary("Create a user account")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/users", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListUsersQuery(), ct)))
            .WithName("ListUsers").WithSummary("List user accounts");
        group.MapPost("/users/{id:guid}/disable", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new DisableUserCommand(id), ct)))
            .WithName("DisableUser").WithSummary("Disable a user account; its tokens stop working at once")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var reference = group.MapGroup("/reference");
        reference.MapPut("/states/{iso3}/languages", async (string iso3, LanguagesBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ChangeStateLanguagesCommand(iso3, body.Languages), ct)))
            .WithName("ChangeStateLanguages").WithSummary("Set the languages a State accepts requests in, in order of preference")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        reference.MapPut("/networks/{code}/members", async (string code, MembersBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ChangeNetworkMembersCommand(code, body.Members), ct)))
            .WithName("ChangeNetworkMembers").WithSummary("Set a network's member States")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        reference.MapPut("/states/{iso3}/central-authority", async (string iso3, UpdateCentralAuthorityCommand command, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command with { State = iso3 }, ct)))
            .WithName("UpdateCentralAuthority").WithSummary("Change a central authority's name, address, contact and letterhead")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        reference.MapPost("/legal-bases", async (AddLegalBasisCommand command, ISender sender, CancellationToken ct) =>
            {
                var basis = await sender.Send(command, ct);
                return TypedResults.Created($"/api/reference/legal-bases#{basis.Code}", basis);
            })
            .WithName("AddLegalBasis").WithSummary("Add a legal basis, e.g. a bilateral treaty")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        return routes;
    }

    public sealed record LanguagesBody(IReadOnlyList<string> Languages);

    public sealed record MembersBody(IReadOnlyList<string> Members);
}
