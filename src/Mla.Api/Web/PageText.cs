using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;
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

    private const string ResourcePrefix = "Mla.Api.Web.Text.Text.";
    private const string ResourceSuffix = ".json";

    private static readonly Lazy<FrozenDictionary<string, PageText>> All = new(LoadAll);

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

    private static FrozenDictionary<string, PageText> LoadAll()
    {
        var assembly = typeof(PageText).Assembly;
        var texts = new Dictionary<string, PageText>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(ResourceSuffix, StringComparison.Ordinal))
            {
                var language = name[ResourcePrefix.Length..^ResourceSuffix.Length];
                texts[language] = new PageText(language, Load(assembly, name));
            }
        }

        return texts.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, string> Load(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{resourceName}' cannot be opened.");
        return (JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
            ?? throw new InvalidOperationException($"Embedded resource '{resourceName}' is empty.")).ToFrozenDictionary(StringComparer.Ordinal);
    }
}
