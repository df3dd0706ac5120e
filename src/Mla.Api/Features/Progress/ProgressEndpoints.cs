using Mla.Api.Infrastructure.OpenApi;

namespace Mla.Api.Features.Progress;

/// <summary>Routes of progress tracking: related requests and the dashboard.</summary>
public static class ProgressEndpoints
{
    public static IEndpointRouteBuilder MapProgressEndpoints(this IEndpointRouteBuilder routes)
    {
        routes.MapGet("/api/requests/{id:guid}/related", async (Guid id, ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetRelatedRequestsQuery(id), ct)))
            .RequireAuthorization(Policies.CaseWork).WithTags("Requests")
            .WithName("GetRelatedRequests").WithSummary("Other requests you may see that concern a person of this one")
            .WithDescription($"""
                Requests of your State (sent or received) naming a person of this request: the same identity document
                number (`match: identity-document`), or the same name despite spelling variants (`match: name`:
                accents, case, hyphens, word order and common transliterations such as Mohamed / Mohammed / Muhammad
                are ignored). So a central authority sees that the suspect of its MLA request is also sought for
                extradition. `persons` says which persons of this request matched. At most {GetRelatedRequestsHandler.Limit},
                the most recent first. 404 for a request you cannot see.
                """)
            .DescribeParameter("id", "The request's id (a UUID).")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound);

        routes.MapGet("/api/dashboard", async (ISender sender, CancellationToken ct) =>
                TypedResults.Ok(await sender.Send(new GetDashboardQuery(), ct)))
            .WithTags("Progress")
            .WithName("GetDashboard").WithSummary("Where your requests stand: counts per status, overdue deadlines, recent changes, oldest pending")
            .WithDescription($"""
                For a State's users: your State's requests per status, sent (`outgoing`, drafts included) and received
                (`incoming`); per deadline kind the number overdue on your today and the {GetDashboardHandler.ListSize} most
                overdue; the requests changed in the last 7 days (total and the {GetDashboardHandler.ListSize} most recent);
                and per counterpart State the request pending longest, with how many are pending there. For a network
                secretariat: the same figures for the network's States (sent by them, sent to them), counts only: no
                list, no reference, no subject. 403 for an administrator.
                """)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden);

        return routes;
    }
}
