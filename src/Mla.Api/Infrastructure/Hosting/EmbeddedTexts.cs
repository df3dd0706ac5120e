using System.Collections.Frozen;
using System.Reflection;
using System.Text.Json;

namespace Mla.Api.Infrastructure.Hosting;

/// <summary>
/// Words per language embedded in the assembly as <c>{prefix}{language}.json</c> files of keys and texts (the
/// pages', the e-mail notices'), read the same way for each: language → its entries.
/// </summary>
public static class EmbeddedTexts
{
    private const string FileSuffix = ".json";

    public static IEnumerable<KeyValuePair<string, FrozenDictionary<string, string>>> Load(Assembly assembly, string resourcePrefix)
    {
        foreach (var name in assembly.GetManifestResourceNames().Where(name => name.StartsWith(resourcePrefix, StringComparison.Ordinal) && name.EndsWith(FileSuffix, StringComparison.Ordinal)))
        {
            using var stream = assembly.GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Embedded resource '{name}' cannot be opened.");
            var entries = JsonSerializer.Deserialize<Dictionary<string, string>>(stream)
                ?? throw new InvalidOperationException($"Embedded resource '{name}' is empty.");
            yield return new(name[resourcePrefix.Length..^FileSuffix.Length], entries.ToFrozenDictionary(StringComparer.Ordinal));
        }
    }
}
