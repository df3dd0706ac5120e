using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Mla.Api.Tests.Infrastructure;

/// <summary>Request bodies as JSON trees, to set one field deep inside a sample body (<c>persons[0].fullName</c>).</summary>
public static class JsonBodies
{
    /// <summary><paramref name="body"/> (any object the API's conventions serialise) as a tree.</summary>
    public static JsonObject From(object body, JsonSerializerOptions options) => JsonSerializer.SerializeToNode(body, options)!.AsObject();

    /// <summary>Sets the value at <paramref name="path"/>, creating the objects on the way.</summary>
    public static JsonObject With(this JsonObject body, string path, JsonNode? value)
    {
        JsonNode node = body;
        var segments = path.Split('.');
        for (var i = 0; i < segments.Length; i++)
        {
            var (name, index) = Parse(segments[i]);
            var last = i == segments.Length - 1;
            var target = node.AsObject();
            if (index is null)
            {
                if (last)
                {
                    target[name] = value;
                    return body;
                }

                node = target[name] ??= new JsonObject();
                continue;
            }

            var item = target[name]!.AsArray();
            if (last)
            {
                item[index.Value] = value;
                return body;
            }

            node = item[index.Value]!;
        }

        return body;
    }

    /// <summary>A JSON body as content, exactly as written (duplicate keys and all).</summary>
    public static StringContent Raw(string json) => new(json, Encoding.UTF8, "application/json");

    private static (string Name, int? Index) Parse(string segment)
    {
        var open = segment.IndexOf('[', StringComparison.Ordinal);
        return open < 0
            ? (segment, null)
            : (segment[..open], int.Parse(segment[(open + 1)..^1], CultureInfo.InvariantCulture));
    }
}
