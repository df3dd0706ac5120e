namespace Mla.Documents.Reports;

/// <summary>
/// One cell of a report table: a number (stored as a number in a spreadsheet) or a code (a State, a status, a
/// coded category). A report holds nothing else, so it can never carry a name or a sentence typed by a user.
/// </summary>
public readonly record struct ReportCell(string? Text, decimal? Number)
{
    public bool IsNumber => Text is null;

    public static ReportCell Code(string text) => new(text, null);

    /// <summary>A number, or an empty cell when there is none (a median of no request).</summary>
    public static ReportCell Of(decimal? number) => new(null, number);

    /// <summary>The cell as written in CSV and PDF: numbers in invariant culture ("12.5"), an empty cell as "".</summary>
    public string Display => Text ?? Number?.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture) ?? string.Empty;
}

/// <summary>One table of a report: its key (a file or sheet name), its title and column headers in the
/// report's language, and its rows.</summary>
public sealed record ReportTable(string Key, string Title, string SheetName, IReadOnlyList<string> Columns, IReadOnlyList<IReadOnlyList<ReportCell>> Rows);
