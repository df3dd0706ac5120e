using Mla.Api.Features.Reports;
using Mla.Documents.Reports;

namespace Mla.Api.Pages.Reports;

/// <summary>The plenary report (the API's query): its tables on screen, and a download per format.</summary>
public sealed class IndexModel : MlaPageModel
{
    public static readonly IReadOnlyList<string> Downloads = ["pdf", "xlsx", "csv"];

    public string Network { get; private set; } = "";

    public string From { get; private set; } = "";

    public string To { get; private set; } = "";

    public IReadOnlyList<ReportTable> Tables { get; private set; } = [];

    public async Task OnGetAsync(string? network, string? from, string? to, CancellationToken cancellationToken)
    {
        Defaults(network, from, to);
        await TryAsync(async () =>
        {
            var result = await Sender.Send(new GetPlenaryReportQuery(Network, From, To, "json", Text.Language), cancellationToken);
            Tables = PlenaryReportTables.Build(result.Report, ReportWording.For(Text.Language));
        }, prefix: "");
    }

    public async Task<IActionResult> OnGetDownloadAsync(string? network, string? from, string? to, string? format, CancellationToken cancellationToken)
    {
        Defaults(network, from, to);
        try
        {
            var result = await Sender.Send(new GetPlenaryReportQuery(Network, From, To, format, Text.Language), cancellationToken);
            if (result.File is { } file)
            {
                return File(file.Content, file.ContentType, file.FileName);
            }
        }
        catch (MlaException exception)
        {
            Problem = Text[$"problem.{exception.StatusCode}"];
            ProblemDetail = exception.Message;
        }
        catch (FluentValidation.ValidationException)
        {
            Problem = Text["problem.invalid"];
        }

        return Page();
    }

    public string DownloadLink(string format) =>
        $"/reports?handler=Download&network={Uri.EscapeDataString(Network)}&from={From}&to={To}&format={format}";

    public string Cell(ReportCell cell) => cell.Number is { } number ? number.ToString("0.##", Text.Culture) : cell.Text ?? "";

    private void Defaults(string? network, string? from, string? to)
    {
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        Network = string.IsNullOrWhiteSpace(network) ? User.FindFirst(Infrastructure.Auth.MlaClaims.Network)?.Value ?? "sjcp" : network.Trim();
        From = string.IsNullOrWhiteSpace(from) ? new DateOnly(today.Year, 1, 1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : from.Trim();
        To = string.IsNullOrWhiteSpace(to) ? today.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) : to.Trim();
    }
}
