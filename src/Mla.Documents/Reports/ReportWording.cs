using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;

namespace Mla.Documents.Reports;

/// <summary>
/// The words of the plenary report in one language, from the embedded <c>Reports/ReportWording.{language}.json</c>
/// (kept apart from the request documents' wording, so the two evolve without touching each other's files).
/// </summary>
public sealed class ReportWording
{
    private const string ResourcePrefix = "Mla.Documents.Reports.ReportWording.";
    private const string ResourceSuffix = ".json";

    private static readonly Lazy<FrozenDictionary<string, ReportWording>> All = new(LoadAll);

    private readonly FrozenDictionary<string, string> _entries;

    private ReportWording(string language, FrozenDictionary<string, string> entries)
    {
        Language = language;
        _entries = entries;
    }

    /// <summary>Language codes with a report wording file, sorted.</summary>
    public static IReadOnlyList<string> AvailableLanguages { get; } = [.. All.Value.Keys.Order(StringComparer.Ordinal)];

    public string Language { get; }

    public IEnumerable<string> Keys => _entries.Keys;

    /// <summary>The text for <paramref name="key"/>; a missing key is a bug in a wording file, so it throws.</summary>
    public string this[string key] => _entries.TryGetValue(key, out var text)
        ? text
        : throw new KeyNotFoundException($"Report wording '{Language}' has no entry '{key}'.");

    /// <exception cref="ArgumentException">No report wording exists for <paramref name="language"/>.</exception>
    public static ReportWording For(string language)
    {
        ArgumentNullException.ThrowIfNull(language);
        return All.Value.TryGetValue(language.Trim().ToLowerInvariant(), out var wording)
            ? wording
            : throw new ArgumentException(
                $"No report wording for language '{language}'. Available languages: {string.Join(", ", AvailableLanguages)}.",
                nameof(language));
    }

    /// <summary>Text of a code in a group (<c>status</c>, <c>kind</c>, ...); a code without text is printed as is.</summary>
    public string Code(string group, string code) =>
        _entries.TryGetValue($"{group}.{code}", out var text) ? text : code;

    private static FrozenDictionary<string, ReportWording> LoadAll()
    {
        var assembly = typeof(ReportWording).Assembly;
        var wordings = new Dictionary<string, ReportWording>(StringComparer.Ordinal);
        foreach (var name in assembly.GetManifestResourceNames())
        {
            if (name.StartsWith(ResourcePrefix, StringComparison.Ordinal) && name.EndsWith(ResourceSuffix, StringComparison.Ordinal))
            {
                var language = name[ResourcePrefix.Length..^ResourceSuffix.Length].ToLowerInvariant();
                wordings[language] = new ReportWording(language, Load(assembly, name));
            }
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
