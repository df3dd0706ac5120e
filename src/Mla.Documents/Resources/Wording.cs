using System.Collections.Frozen;
using System.Globalization;

namespace Mla.Documents.Resources;

/// <summary>
/// The words of the documents in one language, loaded from the embedded file <c>Resources/Wording.{language}.json</c>.
/// </summary>
public sealed class Wording : LanguageWording
{
    private static readonly Catalogue<Wording> All = new(
        "Mla.Documents.Resources.Wording.", "document wording", (language, entries) => new Wording(language, entries));

    private Wording(string language, FrozenDictionary<string, string> entries)
        : base("Wording", language, entries)
    {
    }

    /// <summary>Language codes with a wording file, sorted.</summary>
    public static IReadOnlyList<string> AvailableLanguages => All.Languages;

    /// <exception cref="ArgumentException">No wording file exists for <paramref name="language"/>.</exception>
    public static Wording For(string language) => All.For(language);

    /// <summary>Name of a State; an ISO3 code without a name in the resources is printed as the code.</summary>
    public string StateName(string iso3) => Code("state", iso3.ToUpperInvariant());

    /// <summary>"3 mars 2026", "3 March 2026", "3 de março de 2026": month names come from the resources,
    /// not from ICU, so dates do not change with the globalisation data of the host.</summary>
    public string FormatDate(DateOnly date) => this["date.format"]
        .Replace("{day}", date.Day.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
        .Replace("{month}", this[$"month.{date.Month.ToString(CultureInfo.InvariantCulture)}"], StringComparison.Ordinal)
        .Replace("{year}", date.Year.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal);

    /// <summary>Replaces <c>{name}</c> placeholders of a wording entry.</summary>
    public string Format(string key, params ReadOnlySpan<(string Name, string Value)> values)
    {
        var text = this[key];
        foreach (var (name, value) in values)
        {
            text = text.Replace("{" + name + "}", value, StringComparison.Ordinal);
        }

        return text;
    }
}
