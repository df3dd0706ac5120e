namespace Mla.Api.Features.Reference;

/// <summary>Routes of the reference data area: the code lists every client needs to build its forms.</summary>
public static class ReferenceEndpoints
{
    public static IEndpointRouteBuilder MapReferenceEndpoints(this IEndpointRouteBuilder routes)
    {
        var group = routes.MapGroup("/api/reference").WithTags("Reference data");

        group.MapGet("/states", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetStatesQuery(), ct)))
            .WithName("GetStates").WithSummary("States with the languages they accept requests in and their networks")
            .WithDescription("Every State of the reference data with its ISO 3166-1 alpha-3 code, English and French names, the languages it accepts requests in (in its order of preference) and its networks. A request may also name a State outside this list.");
        group.MapGet("/networks", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetNetworksQuery(), ct)))
            .WithName("GetNetworks").WithSummary("Regional judicial networks and their member States")
            .WithDescription("The Sahel Judicial Cooperation Platform (`sjcp`) and WACAP (`wacap`), with their member States.");
        group.MapGet("/legal-bases", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetLegalBasesQuery(), ct)))
            .WithName("GetLegalBases").WithSummary("Conventions, treaties and reciprocity")
            .WithDescription("The codes for a request's `legalBases`, each saying whether it applies to MLA, to extradition or both; `bilateral-treaty` needs `bilateralTreatyName`.");
        group.MapGet("/offence-categories", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetCodeListQuery(CodeList.OffenceCategories), ct)))
            .WithName("GetOffenceCategories").WithSummary("Offence categories")
            .WithDescription("The codes for `offences[].category`, with English and French names.");
        group.MapGet("/assistance-types", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetCodeListQuery(CodeList.AssistanceTypes), ct)))
            .WithName("GetAssistanceTypes").WithSummary("Types of assistance that may be requested")
            .WithDescription("The codes for `assistance[].type`, with English and French names.");
        group.MapGet("/person-roles", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetCodeListQuery(CodeList.PersonRoles), ct)))
            .WithName("GetPersonRoles").WithSummary("Roles of persons concerned by a request")
            .WithDescription("The codes for `persons[].role` (`person-sought` for extradition and provisional arrest), with English and French names.");
        group.MapGet("/refusal-grounds", async (ISender sender, CancellationToken ct) => TypedResults.Ok(await sender.Send(new GetRefusalGroundsQuery(), ct)))
            .WithName("GetRefusalGrounds").WithSummary("Coded refusal grounds for MLA and for extradition")
            .WithDescription("The codes for `grounds` of a refusal, each for MLA or for extradition (`appliesTo`): a refusal uses the list of its request's kind.");

        return routes;
    }
}
