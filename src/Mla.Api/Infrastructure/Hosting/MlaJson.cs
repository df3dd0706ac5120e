using System.Text.Json;
using System.Text.Json.Serialization;
using System.Text.Json.Serialization.Metadata;

namespace Mla.Api.Infrastructure.Hosting;

/// <summary>
/// The JSON conventions of the API (camelCase, codes as kebab-case strings), in one place: applied to
/// the HTTP options in <see cref="MlaApplication"/> and used for what the service serialises itself
/// (stored responses, timeline payloads). What a client sends is read strictly (<see cref="ApplyInputRules"/>).
/// </summary>
public static class MlaJson
{
    public static JsonSerializerOptions Options { get; } = ApplyConventions(new JsonSerializerOptions(JsonSerializerDefaults.Web));

    public static JsonSerializerOptions ApplyConventions(JsonSerializerOptions options)
    {
        // Codes travel as kebab-case strings ("provisional-arrest"), never as numbers.
        options.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false));
        return options;
    }

    /// <summary>
    /// Request bodies: a field Mla does not know, or a field given twice, is a 400 naming it (the last of
    /// two values would otherwise silently win); every string read is normalised (<see cref="TextInput.Normalise"/>)
    /// before validation and storage see it.
    /// </summary>
    public static JsonSerializerOptions ApplyInputRules(JsonSerializerOptions options)
    {
        options.UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow;
        options.AllowDuplicateProperties = false;
        options.TypeInfoResolver = (options.TypeInfoResolver ?? new DefaultJsonTypeInfoResolver()).WithAddedModifier(NormaliseTextOnRead);
        return options;
    }

    // After an object is read, its strings (and lists of strings) are replaced by their normal form; a
    // password is taken as typed. Not a converter for string: OpenAPI describes the values of a custom
    // converter as "anything", and every string of the document would lose its schema.
    private static void NormaliseTextOnRead(JsonTypeInfo typeInfo)
    {
        if (typeInfo.Kind != JsonTypeInfoKind.Object)
        {
            return;
        }

        var texts = typeInfo.Properties
            .Where(p => p.Get is not null && p.Set is not null && !string.Equals(p.Name, "password", StringComparison.OrdinalIgnoreCase)
                && (p.PropertyType == typeof(string) || typeof(IEnumerable<string>).IsAssignableFrom(p.PropertyType)))
            .ToArray();
        if (texts.Length == 0)
        {
            return;
        }

        var previous = typeInfo.OnDeserialized;
        typeInfo.OnDeserialized = value =>
        {
            previous?.Invoke(value);
            foreach (var property in texts)
            {
                switch (property.Get!(value))
                {
                    case string text when TextInput.Normalise(text) is var normal && !ReferenceEquals(normal, text):
                        property.Set!(value, normal);
                        break;
                    case IList<string?> { IsReadOnly: false } list:
                        for (var i = 0; i < list.Count; i++)
                        {
                            if (list[i] is { } item)
                            {
                                list[i] = TextInput.Normalise(item);
                            }
                        }

                        break;
                }
            }
        };
    }
}
