using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;

namespace Mla.Documents.Resources;

/// <summary>
/// Words in one language, from an embedded file of key → text pairs (<c>{prefix}{language}.json</c>). The
/// request documents and the plenary report keep files of their own, so the two evolve without touching each
/// other's; both are discovered, read and looked up the same way, here. Adding a language means adding one
/// file with the same keys as the others: nothing in code lists the languages.
/// </summary>
public abstract class LanguageWording
{
    private readonly FrozenDictionary<string, string> _entries;
    private readonly string _description;

    // description: what a missing key's message calls these words ("Wording", "Report wording").
    private protected LanguageWording(string description, string language, FrozenDictionary<string, string> entries)
    {
        _description = description;
        Language = language;
        _entries = entries;
    }

    public string Language { get; }

    public IEnumerable<string> Keys => _entries.Keys;

    /// <summary>The text for <paramref name="key"/>; a missing key is a bug in a wording file, so it throws.</summary>
    public string this[string key] => _entries.TryGetValue(key, out var text)
        ? text
        : throw new KeyNotFoundException($"{_description} '{Language}' has no entry '{key}'.");

    /// <summary>Text of a code in a group (<c>offence</c>, <c>status</c>, ...); a code without text is printed as is.</summary>
    public string Code(string group, string code) =>
        _entries.TryGetValue($"{group}.{code}", out var text) ? text : code;

    /// <summary>The wordings of every language whose file is embedded under one prefix, read once, on first use.</summary>
    private protected sealed class Catalogue<TWording>(
        string resourcePrefix, string description, Func<string, FrozenDictionary<string, string>, TWording> create)
        where TWording : LanguageWording
    {
        private const string ResourceSuffix = ".json";

        private readonly Lazy<FrozenDictionary<string, TWording>> _all = new(() => LoadAll(resourcePrefix, create));

        private IReadOnlyList<string>? _languages;

        /// <summary>Language codes with a wording file, sorted.</summary>
        public IReadOnlyList<string> Languages => _languages ??= [.. _all.Value.Keys.Order(StringComparer.Ordinal)];

        /// <exception cref="ArgumentException">No wording file exists for <paramref name="language"/>.</exception>
        public TWording For(string language)
        {
            ArgumentNullException.ThrowIfNull(language);
            return _all.Value.TryGetValue(language.Trim().ToLowerInvariant(), out var wording)
                ? wording
                : throw new ArgumentException(
                    $"No {description} for language '{language}'. Available languages: {string.Join(", ", Languages)}.",
                    nameof(language));
        }

        private static FrozenDictionary<string, TWording> LoadAll(string resourcePrefix, Func<string, FrozenDictionary<string, string>, TWording> create)
        {
            var assembly = typeof(TWording).Assembly;
            var wordings = new Dictionary<string, TWording>(StringComparer.Ordinal);
            foreach (var name in assembly.GetManifestResourceNames())
            {
                if (name.StartsWith(resourcePrefix, StringComparison.Ordinal) && name.EndsWith(ResourceSuffix, StringComparison.Ordinal))
                {
                    var language = name[resourcePrefix.Length..^ResourceSuffix.Length].ToLowerInvariant();
                    wordings[language] = create(language, Load(assembly, name));
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
}
