using System.Text.Json;
using System.Text.Json.Serialization;

namespace Mla.Api.Infrastructure.Hosting;

/// <summary>
/// The JSON conventions of the API (camelCase, codes as kebab-case strings), in one place: applied to
/// the HTTP options in <see cref="MlaApplication"/> and used for what the service serialises itself
/// (stored responses, timeline payloads).
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
}
