using Microsoft.AspNetCore.Http.HttpResults;
using Mla.Api.Infrastructure.OpenApi;

namespace Mla.Api.Features.Reports;

/// <summary>Routes of the reports area: the plenary report of a network, as JSON or as a file.</summary>
public static class ReportsEndpoints
{
    public static IEndpointRouteBuilder MapReportsEndpoints(this IEndpointRouteBuilder routes)
    {
        // Which network and which requests each role may have is decided by PlenaryReportAccess; this keeps
        // every other role out before anything is read.
        var group = routes.MapRoleGroup("/api/reports", Policies.PlenaryReports, "Reports");

        group.MapGet("/plenary", async Task<Results<Ok<PlenaryReportDto>, FileContentHttpResult>> (
                [FromQuery] string? network,
                [FromQuery] string? from,
                [FromQuery] string? to,
                [FromQuery] string? format,
                [FromQuery] string? language,
                [FromQuery] string? scope,
                ISender sender,
                CancellationToken ct) =>
            {
                var result = await sender.Send(new GetPlenaryReportQuery(network, from, to, format, language, scope), ct);
                return result.File is { } file
                    ? TypedResults.File(file.Content, file.ContentType, file.FileName)
                    : TypedResults.Ok(result.Report);
            })
            .WithName("GetPlenaryReport").WithSummary("A network's plenary statistics for a period, as JSON, CSV (zip), XLSX or PDF")
            .WithDescription("""
                Every table of the plenary report (see docs/REPORTS.md): requesting × requested State matrix by kind,
                counts by status and by age, median and 90th-percentile days to receipt and to execution or decision
                (days awaiting information or postponed left out), rounds of information, outcomes and refusal grounds,
                legal bases, offence categories, urgent requests, persons surrendered, requests pending over 6 and 12
                months, and the headline figures of the previous period of the same length beside this one's. Only
                counts, rates, durations, State codes and coded categories: never a person, a fact or a reference.
                A secretariat has its own network's (another network: 403); a central authority or a prosecutor the
                same tables restricted to the requests its State is party to (`scope=state`).
                """)
            .DescribeParameter("network", "A network code from `/api/reference/networks` (`sjcp`, `wacap`), any case.")
            .DescribeParameter("from", "First day of the period, `yyyy-MM-dd`.")
            .DescribeParameter("to", "Last day of the period, `yyyy-MM-dd`, not before `from`.")
            .DescribeParameter("format", "`json` (default), `csv` (a zip of one CSV per table), `xlsx` (one sheet per table) or `pdf`.")
            .DescribeParameter("language", "`fr` (default), `en` or `pt`: the wording of CSV, XLSX and PDF.")
            .DescribeParameter("scope", "`network` (a secretariat) or `state` (a central authority or prosecutor); each role's own by default.")
            .Produces(StatusCodes.Status200OK, contentType: "application/zip")
            .ProducesValidationProblem();

        return routes;
    }
}
