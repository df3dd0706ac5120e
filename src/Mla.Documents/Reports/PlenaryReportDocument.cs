using System.Diagnostics.CodeAnalysis;
using System.Globalization;
using Mla.Documents.Layout;
using Mla.Documents.Resources;

namespace Mla.Documents.Reports;

/// <summary>
/// What the PDF of a plenary report needs, and nothing more: its period, its tables already worded in the
/// report's language, and the two charts' figures. The document layer keeps a model of its own, as for requests.
/// </summary>
public sealed record PlenaryReportDocumentModel : PlenaryReportHeading
{
    public PlenaryReportDocumentModel()
    {
    }

    /// <summary>The PDF of a report whose heading (network, periods, date) is <paramref name="heading"/>'s.</summary>
    [SetsRequiredMembers]
    public PlenaryReportDocumentModel(
        PlenaryReportHeading heading,
        string language,
        IReadOnlyList<ReportTable> tables,
        IReadOnlyList<BarGroup> requestsPerState,
        IReadOnlyList<LinePoint> medianDelaysByMonth)
        : base(heading)
    {
        Language = language;
        Tables = tables;
        RequestsPerState = requestsPerState;
        MedianDelaysByMonth = medianDelaysByMonth;
    }

    public required string Language { get; init; }

    public required IReadOnlyList<ReportTable> Tables { get; init; }

    /// <summary>Requests each State sent and received in the period, for the bar chart.</summary>
    public required IReadOnlyList<BarGroup> RequestsPerState { get; init; }

    /// <summary>Median days to receipt and to execution or decision, by month of transmission, for the line chart.</summary>
    public required IReadOnlyList<LinePoint> MedianDelaysByMonth { get; init; }

    /// <summary>The key of the table the bar chart follows, and of the one the line chart follows.</summary>
    public string BarChartAfter { get; init; } = "matrix";

    public string LineChartAfter { get; init; } = "delays-by-month";
}

/// <summary>Produces the PDF of a plenary report: a title page, then one section per table, with the two charts.</summary>
public static class PlenaryReportGenerator
{
    public static byte[] Generate(PlenaryReportDocumentModel model)
    {
        ArgumentNullException.ThrowIfNull(model);
        var wording = ReportWording.For(model.Language);
        var dates = Wording.For(model.Language);
        var networkName = wording.Code("network", model.Network);
        var document = new LayoutDocument(new DocumentMetadata(
            $"{wording["report.title"]} {model.Network.ToUpperInvariant()} {Iso(model.From)} – {Iso(model.To)}",
            "Mla",
            networkName,
            "Mla",
            model.GeneratedAt.UtcDateTime))
        {
            LetterheadLines = [wording["report.letterhead"], networkName],
            FooterText = wording["footer.text"]
                .Replace("{network}", model.Network.ToUpperInvariant(), StringComparison.Ordinal)
                .Replace("{from}", Iso(model.From), StringComparison.Ordinal)
                .Replace("{to}", Iso(model.To), StringComparison.Ordinal),
            PageLabel = (page, pages) => wording["footer.page"]
                .Replace("{page}", page.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
                .Replace("{pages}", pages.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal),
            Language = model.Language,
        };

        TitlePage(document, model, wording, dates, networkName);
        foreach (var table in model.Tables)
        {
            document.Add(TableSection(table, wording));
            if (table.Key == model.BarChartAfter)
            {
                document.Add(ChartSection(
                    wording["chart.requestsPerState"],
                    model.RequestsPerState.Count == 0 ? null : new BarChart([wording["chart.sent"], wording["chart.received"]], model.RequestsPerState),
                    wording));
            }

            if (table.Key == model.LineChartAfter)
            {
                document.Add(ChartSection(
                    wording["chart.medianDelays"],
                    model.MedianDelaysByMonth.Count == 0 ? null : new LineChart([wording["chart.receipt"], wording["chart.decision"]], model.MedianDelaysByMonth, wording["chart.days"]),
                    wording));
            }
        }

        return document.Render();
    }

    private static void TitlePage(LayoutDocument document, PlenaryReportDocumentModel model, ReportWording wording, Wording dates, string networkName)
    {
        var centred = TextAlignment.Center;
        document.Add(new Spacer(150));
        document.Add(new Heading(wording["report.title"], HeadingLevel.Title));
        document.Add(new Paragraph(networkName, Typography.BodyBold, centred) { SpaceAfter = 14 });
        document.Add(new Paragraph(Period(wording["report.period"], model.From, model.To, dates), Typography.Body, centred));
        var scope = model.State is null
            ? wording["report.scope.network"]
            : wording["report.scope.state"].Replace("{state}", model.State, StringComparison.Ordinal);
        document.Add(new Paragraph(scope, Typography.Body, centred));
        document.Add(new Paragraph(wording["report.referenceDate"].Replace("{date}", dates.FormatDate(model.ReferenceDate), StringComparison.Ordinal), Typography.Body, centred));
        document.Add(new Paragraph(Period(wording["report.previous"], model.PreviousFrom, model.PreviousTo, dates), Typography.Body, centred));
        var generated = wording["report.generated"].Replace("{date}", dates.FormatDate(DateOnly.FromDateTime(model.GeneratedAt.UtcDateTime)), StringComparison.Ordinal);
        document.Add(new Paragraph(generated, Typography.Body, centred) { SpaceAfter = 40 });
        document.Add(new Paragraph(wording["report.notice"], Typography.BodyItalic, centred));
        document.Add(new Paragraph(wording["report.definitions"], Typography.BodyItalic, centred));
        document.Add(new PageBreak());
    }

    private static Section TableSection(ReportTable table, ReportWording wording)
    {
        var heading = new Heading(table.Title) { InOutline = true };
        LayoutBlock content = table.Rows.Count == 0
            ? new Paragraph(wording["chart.none"], Typography.BodyItalic)
            : new Table(table.Columns, [.. table.Rows.Select(row => (IReadOnlyList<string>)[.. row.Select(cell => cell.Display)])], Weights(table));
        return new Section(heading, [content]) { ContinuedSuffix = wording["continued"] };
    }

    private static Section ChartSection(string title, LayoutBlock? chart, ReportWording wording) =>
        new(new Heading(title) { InOutline = true }, [chart ?? new Paragraph(wording["chart.none"], Typography.BodyItalic)]) { KeepTogether = true };

    // Columns of codes (States, statuses, categories) get more room than columns of numbers; a column of numbers
    // gets enough for the longest word of its header ("Extradition"), which would otherwise break inside the word.
    private static double[] Weights(ReportTable table) =>
        [.. table.Columns.Select((header, i) => table.Rows.Count > 0 && i < table.Rows[0].Count && !table.Rows[0][i].IsNumber
            ? 2.2
            : Math.Max(1.0, (header.Split(' ').Max(word => word.Length) + 2) / 9.0))];

    private static string Period(string template, DateOnly from, DateOnly to, Wording dates) => template
        .Replace("{from}", dates.FormatDate(from), StringComparison.Ordinal)
        .Replace("{to}", dates.FormatDate(to), StringComparison.Ordinal);

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
}
