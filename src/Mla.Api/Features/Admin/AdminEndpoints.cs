using Mla.Api.Infrastructure.OpenApi;

namespace Mla.Api.Features.Admin;

/// <summary>Routes of administration: user accounts and reference data. Administrators only.</summary>
public static class AdminEndpoints
{
    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapRoleGroup("/api/admin", Policies.Admin, "Administration");

        group.MapPost("/users", async (CreateUserCommand command, ISender sender, CancellationToken ct) =>
            {
                var user = await sender.Send(command, ct);
                return TypedResults.Created($"/api/admin/users/{user.Id}", user);
            })
            .WithName("CreateUser").WithSummary("Create a user account")
            .WithDescription("""
                Central authorities, focal points and prosecutors belong to a State (`state`), secretariats to a network
                (`network`), administrators to neither. The password must be at least 12 characters; 409 when the
                username is taken.
                """)
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);
        group.MapGet("/users", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new ListUsersQuery(), ct)))
            .WithName("ListUsers").WithSummary("List user accounts")
            .WithDescription("Every account, disabled ones included, without passwords.");
        group.MapPost("/users/{id:guid}/disable", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new DisableUserCommand(id), ct)))
            .WithName("DisableUser").WithSummary("Disable a user account; its tokens stop working at once")
            .WithDescription("The account can no longer sign in and its unexpired tokens are refused from the next call on; its past actions stay on the timelines. An administrator cannot disable their own account (409).")
            .DescribeParameter("id", "The user's id (a UUID), from the list of users.")
            .ProducesProblem(StatusCodes.Status404NotFound).ProducesProblem(StatusCodes.Status409Conflict);

        var reference = group.MapGroup("/reference");
        reference.MapPut("/states/{iso3}/languages", async (string iso3, LanguagesBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ChangeStateLanguagesCommand(iso3, body.Languages), ct)))
            .WithName("ChangeStateLanguages").WithSummary("Set the languages a State accepts requests in, in order of preference")
            .WithDescription("Replaces the list: requests to the State must then be transmitted in one of these languages, or with a translation attached.")
            .DescribeParameter("iso3", "The State's ISO 3166-1 alpha-3 code, e.g. `SEN`.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        reference.MapPut("/networks/{code}/members", async (string code, MembersBody body, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new ChangeNetworkMembersCommand(code, body.Members), ct)))
            .WithName("ChangeNetworkMembers").WithSummary("Set a network's member States")
            .WithDescription("Replaces the list of member States (ISO 3166-1 alpha-3 codes of States in the reference data).")
            .DescribeParameter("code", "The network's code: `sjcp` or `wacap`.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        reference.MapPut("/states/{iso3}/central-authority", async (string iso3, UpdateCentralAuthorityCommand command, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(command with { State = iso3 }, ct)))
            .WithName("UpdateCentralAuthority").WithSummary("Change a central authority's name, address, contact and letterhead")
            .WithDescription("What the directory shows and what the State's request documents carry in their letterhead (at most 6 lines). Documents already transmitted do not change.")
            .DescribeParameter("iso3", "The State's ISO 3166-1 alpha-3 code, e.g. `MLI`.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status404NotFound);
        reference.MapPost("/legal-bases", async (AddLegalBasisCommand command, ISender sender, CancellationToken ct) =>
            {
                var basis = await sender.Send(command, ct);
                return TypedResults.Created($"/api/reference/legal-bases#{basis.Code}", basis);
            })
            .WithName("AddLegalBasis").WithSummary("Add a legal basis, e.g. a bilateral treaty")
            .WithDescription("A new code for `legalBases` (lower-case kebab-case), with its English and French names, its category and whether it applies to MLA, to extradition or both; 409 when the code exists.")
            .ProducesValidationProblem().ProducesProblem(StatusCodes.Status409Conflict);

        return routes;
    }

    public sealed record LanguagesBody(IReadOnlyList<string> Languages);

    public sealed record MembersBody(IReadOnlyList<string> Members);
}
