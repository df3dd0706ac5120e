using System.Collections.Frozen;
using System.Globalization;
using System.Reflection;
using System.Text.Json;

namespace Mla.Documents.Resources;

/// <summary>
/// The words of the documents in one language, loaded from the embedded file <c>Resources/Wording.{language}.json</c>.
/// Adding a language means adding one such file with the same keys as the others: languages are discovered
/// from the embedded resources, nothing in code lists them.
/// </summary>
public sealed class Wording
{
    private const string ResourcePrefix = "Mla.Documents.Resources.Wording.";
    private const string ResourceSuffix = ".json";

    private static readonly Lazy<FrozenDictionary<string, Wording>> All = new(LoadAll);

    private readonly FrozenDictionary<string, string> _entries;

    private Wording(string language, FrozenDictionary<string, string> entries)
    {
        Language = language;
        _entries = entries;
    }

    /// <summary>Language codes with a wording file, sorted.</summary>
    public static IReadOnlyList<string> AvailableLanguages { get; } = [.. All.Value.Keys.Order(StringComparer.Ordinal)];

    public string Language { get; }

    public IEnumerable<string> Keys => _entries.Keys;

    /// <summary>The text for <paramref name="key"/>; a missing key is a bug in a wording file, so it throws.</summary>
    public string this[string key] => _entries.TryGetValue(key, out var text)
        ? text
        : throw new KeyNotFoundException($"Wording '{Language}' has no entry '{key}'.");

    /// <exception cref="ArgumentException">No wording file exists for <paramref name="language"/>.</exception>
    public static Wording For(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return All.Value.TryGetValue(language.Trim().ToLowerInvariant(), out var wording)
            ? wording
            : throw new ArgumentException(
                $"No document wording for language '{language}'. Available languages: {string.Join(", ", AvailableLanguages)}.",
                nameof(language));
    }

    /// <summary>Text of a code in a group (<c>offence</c>, <c>role</c>, ...); an unknown code is printed as is.</summary>
    public string Code(string group, string code) =>
        _entries.TryGetValue($"{group}.{code}", out var text) ? text : code;

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

    private static FrozenDictionary<string, Wording> LoadAll()
    {
        var assembly = typeof(Wording).Assembly;
        var wordings = new Dictionary<string, Wording>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (!name.StartsWith(ResourcePrefix, StringComparison.Ordinal) || !name.EndsWith(ResourceSuffix, StringComparison.Ordinal))
            {
                continue;
            }

            var language = name[ResourcePrefix.Length..^ResourceSuffix.Length].ToLowerInvariant();
            wordings[language] = new Wording(language, Load(assembly, name));
        }

        return wordings.ToFrozenDictionary(StringComparer.Ordinal);
    }

    private static FrozenDictionary<string, string> Load(Assembly assembly, string resourceName)
    {
        using var stream = assembly.GetManifestResourceStream(resourceName)
            ?? throw new InvalidOperationException($"Embedded resource '{resourceName}' cannot be opened.");
        var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
            ?? throw new InvalidOperationException($"Embedded resource '{resourceName}' is empty.");
        return entries.ToFrozenDictionary(StringComparer.Ordinal);
    }
}
