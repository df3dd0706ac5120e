using System.Net;
using System.Text.Json;

namespace Mla.Api.Tests.Infrastructure.OpenApi;

/// <summary>The document served at <c>/openapi/v1.json</c>, read as a client generator reads it.</summary>
public sealed class ServedOpenApiDocument
{
    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch"];

    private ServedOpenApiDocument(JsonElement root) => Root = root;

    public JsonElement Root { get; }

    /// <summary>Every operation, with its path and method.</summary>
    public IReadOnlyList<ServedOperation> Operations =>
    [
        .. Root.GetProperty("paths").EnumerateObject().SelectMany(path => path.Value.EnumerateObject()
            .Where(member => Methods.Contains(member.Name))
            .Select(member => new ServedOperation(path.Name, member.Name, member.Value))),
    ];

    public static async Task<ServedOpenApiDocument> FetchAsync(HttpClient client)
    {
        var response = await client.GetAsync("/openapi/v1.json");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var json = await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync());
        return new ServedOpenApiDocument(json.RootElement.Clone());
    }

    public ServedOperation Operation(string operationId) =>
        Operations.SingleOrDefault(operation => operation.Id == operationId)
        ?? throw new AssertionException($"No operation {operationId} in the document.");

    /// <summary>The schema itself: a <c>$ref</c> followed to its component.</summary>
    public JsonElement Resolve(JsonElement schema)
    {
        while (schema.TryGetProperty("$ref", out var reference))
        {
            var name = reference.GetString()!["#/components/schemas/".Length..];
            schema = Root.GetProperty("components").GetProperty("schemas").GetProperty(name);
        }

        return schema;
    }

    /// <summary>The schema of a property of an object schema, resolved; null when there is no such property.</summary>
    public JsonElement? Property(JsonElement objectSchema, string name)
    {
        var resolved = Resolve(objectSchema);
        if (resolved.TryGetProperty("properties", out var properties) && properties.TryGetProperty(name, out var property))
        {
            return property;
        }

        // A schema extending another (allOf) has the properties of all its parts.
        return resolved.TryGetProperty("allOf", out var parts)
            ? parts.EnumerateArray().Select(part => Property(part, name)).FirstOrDefault(found => found is not null)
            : null;
    }

    /// <summary>
    /// The values of a string enum schema, through <c>$ref</c> and the <c>oneOf: [null, $ref]</c> of a
    /// nullable member; null when the schema is not a string enum.
    /// </summary>
    public IReadOnlyList<string>? StringEnum(JsonElement schema)
    {
        var resolved = Resolve(schema);
        if (resolved.TryGetProperty("oneOf", out var alternatives))
        {
            return alternatives.EnumerateArray()
                .Where(alternative => !(alternative.TryGetProperty("type", out var type) && type.ValueKind == JsonValueKind.String && type.GetString() == "null"))
                .Select(StringEnum)
                .SingleOrDefault();
        }

        var isString = resolved.TryGetProperty("type", out var kind) && kind.ValueKind == JsonValueKind.String && kind.GetString() == "string";
        return isString && resolved.TryGetProperty("enum", out var values)
            ? [.. values.EnumerateArray().Select(value => value.GetString()!)]
            : null;
    }
}

/// <summary>One operation of the document.</summary>
public sealed record ServedOperation(string Path, string Method, JsonElement Element)
{
    public string Id => Element.TryGetProperty("operationId", out var id) ? id.GetString()! : $"{Method.ToUpperInvariant()} {Path}";

    public IReadOnlyList<JsonElement> Parameters =>
        Element.TryGetProperty("parameters", out var parameters) ? [.. parameters.EnumerateArray()] : [];

    public IReadOnlyList<string> Statuses =>
        [.. Element.GetProperty("responses").EnumerateObject().Select(response => response.Name)];

    public JsonElement? Parameter(string name, string location) =>
        Parameters.Cast<JsonElement?>().FirstOrDefault(p => p!.Value.GetProperty("name").GetString() == name && p.Value.GetProperty("in").GetString() == location);

    public JsonElement? Response(string status) =>
        Element.GetProperty("responses").TryGetProperty(status, out var response) ? response : null;

    public JsonElement RequestBodySchema(string mediaType = "application/json") =>
        Element.GetProperty("requestBody").GetProperty("content").GetProperty(mediaType).GetProperty("schema");

    public JsonElement ResponseSchema(string status, string mediaType = "application/json") =>
        Element.GetProperty("responses").GetProperty(status).GetProperty("content").GetProperty(mediaType).GetProperty("schema");

    /// <summary>The named examples of the JSON body, or none.</summary>
    public IReadOnlyDictionary<string, JsonElement> Examples =>
        Element.TryGetProperty("requestBody", out var body)
        && body.GetProperty("content").TryGetProperty("application/json", out var json)
        && json.TryGetProperty("examples", out var examples)
            ? examples.EnumerateObject().ToDictionary(example => example.Name, example => example.Value.GetProperty("value"))
            : new Dictionary<string, JsonElement>();

    public bool HasJsonBody =>
        Element.TryGetProperty("requestBody", out var body) && body.GetProperty("content").TryGetProperty("application/json", out _);

    public override string ToString() => Id;
}
