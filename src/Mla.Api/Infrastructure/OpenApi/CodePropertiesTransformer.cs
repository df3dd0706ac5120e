using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Mla.Domain.Access;

namespace Mla.Api.Infrastructure.OpenApi;

/// <summary>
/// Codes that a message or DTO still holds as <c>string</c> (validated as codes, so that an unknown one
/// answers 400 with the field's path), described as the string enum they are: a body property or a query
/// parameter with one of the names below becomes a reference to the code list's schema, the same one an
/// enum-typed member refers to. Keyed by name, not by C# type, so a message can change its shape freely.
/// </summary>
internal sealed class CodePropertiesTransformer : IOpenApiDocumentTransformer
{
    private static readonly CodeList Statuses = CodeList.Of<RequestStatus>();

    // Timeline events are lifecycle actions, plus the two ways a request comes into being.
    private static readonly CodeList TimelineActions =
        new("TimelineAction", [.. new[] { "create-draft", "register-incoming" }.Union(CodeList.Of<RequestAction>().Codes)]);

    private static readonly CodeProperty[] Rules =
    [
        new("kind", CodeList.Of<RequestKind>()),
        new("urgency", CodeList.Of<Urgency>()),
        new("channel", CodeList.Of<TransmissionChannel>()),
        new("extraditionPurpose", CodeList.Of<ExtraditionPurpose>()),
        new("decision", CodeList.Of<ExtraditionDecision>()),
        new("outcome", CodeList.Of<ExecutionOutcome>()),
        new("direction", CodeList.Of<RequestDirection>()),
        new("status", Statuses),
        new("fromStatus", Statuses),
        new("toStatus", Statuses),
        new("action", TimelineActions),
        // A person concerned has a role from the reference data (suspect, witness...), not an account's role.
        new("role", CodeList.Of<Role>(), owner => !owner.StartsWith("Person", StringComparison.Ordinal)),
        new("category", new CodeList("LegalBasisCategory", ["multilateral", "bilateral", "reciprocity"]),
            owner => owner.Contains("LegalBasis", StringComparison.Ordinal)),
        new("appliesTo", new CodeList("RefusalGroundScope", ["mla", "extradition"]),
            owner => owner.StartsWith("RefusalGround", StringComparison.Ordinal)),
        new("overdue", new CodeList("OverdueFilter", ListRequestsValidator.OverdueCodes), owner => owner == "ListRequests"),
        new("sort", CodeList.Of<RequestSort>(), owner => owner == "ListRequests"),
        new("order", new CodeList("SortOrder", ListRequestsValidator.Orders), owner => owner == "ListRequests"),
    ];

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        var schemas = document.Components.Schemas;

        foreach (var (owner, component) in schemas.ToList())
        {
            if (component is not OpenApiSchema { Properties: { } properties })
            {
                continue;
            }

            foreach (var (name, property) in properties.ToList())
            {
                if (Find(name, owner) is { } codes && property is OpenApiSchema text && IsPlainString(text, out var nullable))
                {
                    properties[name] = Refer(document, schemas, codes, nullable, text.Description);
                }
            }
        }

        var operations = (document.Paths ?? []).Values.SelectMany(path => path.Operations ?? []).Select(pair => pair.Value);
        foreach (var operation in operations)
        {
            var parameters = (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Query);
            foreach (var parameter in parameters)
            {
                if (Find(parameter.Name ?? "", operation.OperationId ?? "") is not { } codes || parameter.Schema is not OpenApiSchema text)
                {
                    continue;
                }

                if (IsPlainString(text, out _))
                {
                    // An absent query parameter is the absence of a filter, never null.
                    parameter.Schema = Refer(document, schemas, codes, nullable: false, text.Description);
                }
                else if (text.Type?.HasFlag(JsonSchemaType.Array) == true && text.Items is OpenApiSchema item && IsPlainString(item, out _))
                {
                    // A filter given several times (status=a&status=b): each value is a code.
                    text.Items = Refer(document, schemas, codes, nullable: false, item.Description);
                }
            }
        }

        return Task.CompletedTask;
    }

    private static CodeList? Find(string name, string owner) =>
        Rules.FirstOrDefault(rule => rule.Name == name && (rule.AppliesTo?.Invoke(owner) ?? true))?.Codes;

    private static bool IsPlainString(OpenApiSchema schema, out bool nullable)
    {
        nullable = schema.Type == (JsonSchemaType.String | JsonSchemaType.Null);
        return (schema.Type == JsonSchemaType.String || nullable) && schema.Format is null && schema.Enum is not { Count: > 0 };
    }

    private static IOpenApiSchema Refer(OpenApiDocument document, IDictionary<string, IOpenApiSchema> schemas, CodeList codes, bool nullable, string? description)
    {
        // Enum-typed members already made the schema of most lists; the others (Role...) are added once.
        schemas.TryAdd(codes.SchemaId, codes.ToSchema());
        var reference = new OpenApiSchemaReference(codes.SchemaId, document);
        if (!nullable)
        {
            reference.Description = description;
            return reference;
        }

        // The form the generator itself uses for a nullable enum-typed member.
        return new OpenApiSchema
        {
            Description = description,
            OneOf = [new OpenApiSchema { Type = JsonSchemaType.Null }, reference],
        };
    }

    /// <param name="Name">The JSON name of the property or query parameter.</param>
    /// <param name="Codes">The codes it holds.</param>
    /// <param name="AppliesTo">Given the name of the schema (or the operation id) holding it; everywhere when null.</param>
    private sealed record CodeProperty(string Name, CodeList Codes, Func<string, bool>? AppliesTo = null);
}
