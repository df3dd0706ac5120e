using System.Collections.Frozen;
using Mla.Api.Infrastructure.Hosting;
using Mla.Documents.Resources;

namespace Mla.Api.Web;

/// <summary>
/// The words of the pages in one language, from the embedded <c>Web/Text/Text.{language}.json</c>. Names of
/// codes (States, legal bases, offences, roles, assistance) come from the documents' wording, so a code reads
/// the same on screen and in the letter.
/// </summary>
public sealed class PageText
{
    public const string DefaultLanguage = "fr";

    private static readonly Lazy<FrozenDictionary<string, PageText>> All = new(() =>
        EmbeddedTexts.Load(typeof(PageText).Assembly, "Mla.Api.Web.Text.Text.")
            .ToFrozenDictionary(file => file.Key, file => new PageText(file.Key, file.Value), StringComparer.Ordinal));

    private readonly FrozenDictionary<string, string> _entries;

    private PageText(string language, FrozenDictionary<string, string> entries)
    {
        Language = language;
        _entries = entries;
        Culture = CultureInfo.GetCultureInfo(language switch
        {
            "fr" => "fr-FR",
            "pt" => "pt-PT",
            _ => "en-GB",
        });
    }

    /// <summary>Languages of the pages, French first.</summary>
    public static IReadOnlyList<string> Languages { get; } = ["fr", "en", "pt"];

    public string Language { get; }

    /// <summary>How dates and numbers are written for this language.</summary>
    public CultureInfo Culture { get; }

    public IEnumerable<string> Keys => _entries.Keys;

    /// <summary>The text for <paramref name="key"/>; a key missing from a file shows as itself, and a test compares the files.</summary>
    public string this[string key] => _entries.TryGetValue(key, out var text) ? text : key;

    public static PageText For(string? language) =>
        All.Value.TryGetValue(language ?? "", out var text) ? text : All.Value[DefaultLanguage];

    /// <summary>Whether a language has its page text.</summary>
    public static bool IsSupported(string? language) => language is not null && All.Value.ContainsKey(language);

    /// <summary>Replaces <c>{0}</c>, <c>{1}</c>... with the values, formatted in the language's culture.</summary>
    public string Format(string key, params object?[] values) => string.Format(Culture, this[key], values);

    /// <summary>Name of a code in a group of the documents' wording (<c>state</c>, <c>offence</c>, <c>legalBasis</c>...), else of the pages', else the code.</summary>
    public string Code(string group, string? code)
    {
        if (string.IsNullOrEmpty(code))
        {
            return "";
        }

        if (_entries.TryGetValue($"{group}.{code}", out var text))
        {
            return text;
        }

        return Wording.For(Language).Code(group, code);
    }

    public string State(string? iso3) => string.IsNullOrEmpty(iso3) ? "" : Code("state", iso3.ToUpperInvariant());

    public string Date(DateOnly? date) => date?.ToString("d MMMM yyyy", Culture) ?? "";

    public string Date(DateTimeOffset? moment) => moment?.ToUniversalTime().ToString("d MMMM yyyy HH:mm 'UTC'", Culture) ?? "";

    /// <summary>The codes of an enum (kebab-case), each named by <c>{group}.{code}</c>.</summary>
    public List<KeyValuePair<string, string>> Options<TEnum>(string group)
        where TEnum : struct, Enum =>
        [.. Mla.Domain.KebabCode.AllCodes<TEnum>().Select(code => new KeyValuePair<string, string>(code, this[$"{group}.{code}"]))];

    public string Number(long number) => number.ToString("N0", Culture);
}
