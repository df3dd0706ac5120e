using Mediator;

namespace Mla.Api.Features.Reference;

/// <summary>Routes of the reference data area: the code lists every client needs to build its forms.</summary>
public static class ReferenceEndpoints
{
    public static IEndpointRouteBuilder MapReferenceEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/reference").WithTags("Reference data");

        group.MapGet("/states", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetStatesQuery(), ct)))
            .WithName("GetStates").WithSummary("States with the languages they accept requests in and their networks");
        group.MapGet("/networks", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetNetworksQuery(), ct)))
            .WithName("GetNetworks").WithSummary("Regional judicial networks and their member States");
        group.MapGet("/legal-bases", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetLegalBasesQuery(), ct)))
            .WithName("GetLegalBases").WithSummary("Conventions, treaties and reciprocity");
        group.MapGet("/offence-categories", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetCodeListQuery(CodeList.OffenceCategories), ct)))
            .WithName("GetOffenceCategories").WithSummary("Offence categories");
        group.MapGet("/assistance-types", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetCodeListQuery(CodeList.AssistanceTypes), ct)))
            .WithName("GetAssistanceTypes").WithSummary("Types of assistance that may be requested");
        group.MapGet("/person-roles", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetCodeListQuery(CodeList.PersonRoles), ct)))
            .WithName("GetPersonRoles").WithSummary("Roles of persons concerned by a request");
        group.MapGet("/refusal-grounds", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetRefusalGroundsQuery(), ct)))
            .WithName("GetRefusalGrounds").WithSummary("Coded refusal grounds for MLA and for extradition");

        return routes;
    }
}
