using Mla.Documents.Reports;

namespace Mla.Api.Features.Reports;

/// <summary>
/// The report as tables, worded in one language: what the CSV, XLSX and PDF exports write. Cells hold only
/// numbers and codes (States, statuses, kinds, coded categories), worded where the wording knows the code.
/// </summary>
public static class PlenaryReportTables
{
    /// <summary>Table keys in the order of the report (also the CSV files' and the sheets' order).</summary>
    public static IReadOnlyList<string> Keys { get; } =
    [
        "headline", "matrix", "status", "age", "delays", "delays-by-month", "information-rounds", "outcomes",
        "refusal-grounds", "legal-bases", "offence-categories", "urgent", "surrenders", "pending",
    ];

    public static IReadOnlyList<ReportTable> Build(PlenaryReportDto report, ReportWording wording)
    {
        ArgumentNullException.ThrowIfNull(report);
        ArgumentNullException.ThrowIfNull(wording);
        ReportCell Code(string text) => ReportCell.Code(text);
        ReportCell Number(decimal? value) => ReportCell.Of(value);
        ReportCell Kind(string kind) => Code(wording.Code("kind", kind));

        ReportTable Table(string key, string[] columns, IEnumerable<ReportCell[]> rows) =>
            new(key, wording[$"table.{key}"], wording[$"sheet.{key}"], [.. columns.Select(c => wording[$"col.{c}"])], [.. rows]);

        return
        [
            Table("headline", ["figure", "current", "previous"],
                report.Headline.Select(h => new[] { Code(wording[$"figure.{h.Figure}"]), Number(h.Current), Number(h.Previous) })),
            Table("matrix", ["requestingState", "requestedState", "mla", "extradition", "provisionalArrest", "total"],
                report.Matrix.Select(m => new[] { Code(m.RequestingState), Code(m.RequestedState), Number(m.Mla), Number(m.Extradition), Number(m.ProvisionalArrest), Number(m.Total) })),
            Table("status", ["status", "requests"],
                report.ByStatus.Select(s => new[] { Code(wording.Code("status", s.Status.ToCode())), Number(s.Requests) })),
            Table("age", ["age", "pending"],
                report.PendingByAge.Select(a => new[] { Code(a.Bracket), Number(a.Requests) })),
            Table("delays", ["kind", "received", "receiptMedian", "receiptP90", "decided", "decisionMedian", "decisionP90"],
                report.Delays.Select(d => new[]
                {
                    Kind(d.Kind), Number(d.Received), Number(d.ReceiptMedianDays), Number(d.ReceiptP90Days),
                    Number(d.Decided), Number(d.DecisionMedianDays), Number(d.DecisionP90Days),
                })),
            Table("delays-by-month", ["month", "transmitted", "receiptMedian", "decisionMedian"],
                report.DelaysByMonth.Select(m => new[] { Code(m.Month), Number(m.Transmitted), Number(m.ReceiptMedianDays), Number(m.DecisionMedianDays) })),
            Table("information-rounds", ["rounds", "requests"],
                report.InformationRounds.Select(r => new[] { Code(r.Rounds), Number(r.Requests) })),
            Table("outcomes", ["kind", "executed", "partiallyExecuted", "refused", "withdrawn", "refusalRate", "partialShare"],
                report.Outcomes.Select(o => new[]
                {
                    Kind(o.Kind), Number(o.Executed), Number(o.PartiallyExecuted), Number(o.Refused), Number(o.Withdrawn),
                    Number(o.RefusalRate), Number(o.PartiallyExecutedShare),
                })),
            Table("refusal-grounds", ["appliesTo", "ground", "refusals"],
                report.RefusalGrounds.Select(g => new[] { Kind(g.AppliesTo), Code(g.Ground), Number(g.Refusals) })),
            Table("legal-bases", ["legalBasis", "requests"],
                report.LegalBases.Select(b => new[] { Code(b.LegalBasis), Number(b.Requests) })),
            Table("offence-categories", ["category", "requests"],
                report.OffenceCategories.Select(c => new[] { Code(c.Category), Number(c.Requests) })),
            Table("urgent", ["kind", "requests", "urgent"],
                report.Urgent.Select(u => new[] { Kind(u.Kind), Number(u.Requests), Number(u.Urgent) })),
            Table("surrenders", ["requestedState", "surrendered"],
                report.Surrenders.Select(s => new[] { Code(s.RequestedState), Number(s.PersonsSurrendered) })),
            Table("pending", ["requestedState", "pending", "over6Months", "over12Months"],
                report.PendingByRequestedState.Select(p => new[] { Code(p.RequestedState), Number(p.Pending), Number(p.Over6Months), Number(p.Over12Months) })),
        ];
    }
}
