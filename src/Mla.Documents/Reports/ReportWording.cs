using System.Collections.Frozen;
using Mla.Documents.Resources;

namespace Mla.Documents.Reports;

/// <summary>
/// The words of the plenary report in one language, from the embedded <c>Reports/ReportWording.{language}.json</c>
/// (kept apart from the request documents' wording, so the two evolve without touching each other's files).
/// </summary>
public sealed class ReportWording : LanguageWording
{
    private static readonly Catalogue<ReportWording> All = new(
        "Mla.Documents.Reports.ReportWording.", "report wording", (language, entries) => new ReportWording(language, entries));

    private ReportWording(string language, FrozenDictionary<string, string> entries)
        : base("Report wording", language, entries)
    {
    }

    /// <summary>Language codes with a report wording file, sorted.</summary>
    public static IReadOnlyList<string> AvailableLanguages => All.Languages;

    /// <exception cref="ArgumentException">No report wording exists for <paramref name="language"/>.</exception>
    public static ReportWording For(string language) => All.For(language);
}
