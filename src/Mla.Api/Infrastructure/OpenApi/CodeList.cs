using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.OpenApi;

namespace Mla.Api.Infrastructure.OpenApi;

/// <summary>A closed list of kebab-case codes, described in the document as a string enum schema named <see cref="SchemaId"/>.</summary>
internal sealed record CodeList(string SchemaId, IReadOnlyList<string> Codes)
{
    /// <summary>
    /// The codes of an enum as the API writes them: <c>MlaJson</c> serialises enums with
    /// <c>JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower)</c>, so the same policy names them here.
    /// </summary>
    public static CodeList Of(Type enumType) =>
        new(enumType.Name, [.. Enum.GetNames(enumType).Select(JsonNamingPolicy.KebabCaseLower.ConvertName)]);

    public static CodeList Of<TEnum>()
        where TEnum : struct, Enum => Of(typeof(TEnum));

    /// <summary>Makes <paramref name="schema"/> a string enum of these codes (and nothing else: no null, no number).</summary>
    public void ApplyTo(OpenApiSchema schema)
    {
        schema.Type = JsonSchemaType.String;
        schema.Enum = [.. Codes.Select(code => (JsonNode)JsonValue.Create(code))];
    }

    public OpenApiSchema ToSchema()
    {
        var schema = new OpenApiSchema();
        ApplyTo(schema);
        return schema;
    }
}
