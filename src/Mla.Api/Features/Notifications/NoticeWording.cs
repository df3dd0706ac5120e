using System.Collections.Frozen;
using Mla.Api.Infrastructure.Hosting;

namespace Mla.Api.Features.Notifications;

/// <summary>
/// The words of the e-mail notices in one language, from the embedded file
/// <c>Resources/NoticeWording.{language}.json</c> (the same form as the documents' wording). Every file holds
/// the same keys; a test checks it.
/// </summary>
public sealed class NoticeWording
{
    private static readonly Lazy<FrozenDictionary<string, NoticeWording>> All = new(() =>
        EmbeddedTexts.Load(typeof(NoticeWording).Assembly, "Mla.Api.Features.Notifications.Resources.NoticeWording.")
            .ToFrozenDictionary(file => file.Key, file => new NoticeWording(file.Key, file.Value), StringComparer.Ordinal));

    private readonly FrozenDictionary<string, string> _entries;

    private NoticeWording(string language, FrozenDictionary<string, string> entries)
    {
        Language = language;
        _entries = entries;
    }

    public static IReadOnlyList<string> AvailableLanguages => [.. All.Value.Keys.Order(StringComparer.Ordinal)];

    public string Language { get; }

    public IEnumerable<string> Keys => _entries.Keys;

    public string this[string key] => _entries.TryGetValue(key, out var text)
        ? text
        : throw new KeyNotFoundException($"Notice wording '{Language}' has no entry '{key}'.");

    /// <summary>The wording of <paramref name="language"/>, French when there is none (the region's most common language).</summary>
    public static NoticeWording For(string? language) =>
        All.Value.TryGetValue(language?.Trim().ToLowerInvariant() ?? "", out var wording) ? wording : All.Value["fr"];

    /// <summary>Replaces <c>{name}</c> placeholders of an entry.</summary>
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
