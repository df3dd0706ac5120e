using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mla.Api.Infrastructure.OpenApi;

/// <summary>
/// The problems (RFC 9457) the API answers, as the document describes them: every problem may carry
/// extension members (<c>traceId</c> always), and two carry members a client acts on, each with a named
/// schema: <see cref="IncompleteRequest"/> (422 <c>missing</c> at transmission) and <see cref="AllowedActions"/>
/// (<c>allowedActions</c>, on a lifecycle step refused in the request's current state). Routes name them with <see cref="OpenApiConventions.WithProblemSchema"/>.
/// </summary>
internal sealed class ProblemSchemas : IOpenApiDocumentTransformer
{
    public const string IncompleteRequest = "IncompleteRequestProblem";

    public const string AllowedActions = "AllowedActionsProblem";

    private const string Problem = "ProblemDetails";
    private const string ValidationProblem = "HttpValidationProblemDetails";
    private const string Missing = nameof(MissingElement);

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.Schemas ??= new Dictionary<string, IOpenApiSchema>();
        var schemas = document.Components.Schemas;

        if (!schemas.ContainsKey(Problem))
        {
            schemas[Problem] = await context.GetOrCreateSchemaAsync(typeof(Microsoft.AspNetCore.Mvc.ProblemDetails), cancellationToken: cancellationToken);
        }

        foreach (var name in new[] { Problem, ValidationProblem })
        {
            if (schemas.TryGetValue(name, out var found) && found is OpenApiSchema problem)
            {
                AllowExtensions(problem);
            }
        }

        var missing = await context.GetOrCreateSchemaAsync(typeof(MissingElement), cancellationToken: cancellationToken);
        missing.Description = "One element a request lacks before it may be transmitted.";
        Describe(missing, "path", "JSON path of the field in the request content, as sent (camelCase, zero-based indexes: `offences[0].maxPenalty`), so a client can show the reason beside the field.");
        Describe(missing, "reason", "What is missing, in a sentence meant for the user.");
        schemas[Missing] = missing;

        if (!schemas.ContainsKey(nameof(RequestAction)))
        {
            schemas[nameof(RequestAction)] = await context.GetOrCreateSchemaAsync(typeof(RequestAction), cancellationToken: cancellationToken);
        }

        schemas[IncompleteRequest] = Extend(
            document,
            "The request is not complete enough to be transmitted: `missing` lists every element it lacks (a 422 for another reason, such as a reused Idempotency-Key, has no `missing`).",
            "missing",
            new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = new OpenApiSchemaReference(Missing, document),
                Description = "Every missing element, in the order of the form.",
            });
        schemas[AllowedActions] = Extend(
            document,
            "A lifecycle step refused in the request's current state: not allowed in its status or for its kind (409), "
            + "or an outcome that cannot be recorded (422, e.g. nothing executed: refuse instead). `allowedActions` lists what the caller may do now.",
            "allowedActions",
            new OpenApiSchema
            {
                Type = JsonSchemaType.Array,
                Items = new OpenApiSchemaReference(nameof(RequestAction), document),
                Description = "The actions the caller may take now, as in the request's `allowedActions`.",
            });
    }

    // The generator closes the problem schemas (additionalProperties: false), but every problem carries
    // traceId and some carry more: a client validating against a closed schema would reject them.
    private static void AllowExtensions(OpenApiSchema problem)
    {
        problem.AdditionalPropertiesAllowed = true;
        problem.AdditionalProperties = null;
        problem.Properties ??= new Dictionary<string, IOpenApiSchema>();
        problem.Properties["traceId"] = new OpenApiSchema
        {
            Type = JsonSchemaType.String,
            Description = "Identifies the request in the service's logs: quote it when reporting a problem.",
        };
        problem.Description ??= "An RFC 9457 problem. Extension members may follow; `traceId` always does.";
    }

    private static OpenApiSchema Extend(OpenApiDocument document, string description, string member, OpenApiSchema memberSchema) => new()
    {
        Description = description,
        AllOf =
        [
            new OpenApiSchemaReference(Problem, document),
            new OpenApiSchema
            {
                Type = JsonSchemaType.Object,
                Properties = new Dictionary<string, IOpenApiSchema> { [member] = memberSchema },
            },
        ],
    };

    private static void Describe(OpenApiSchema schema, string property, string description)
    {
        if (schema.Properties is { } properties && properties.TryGetValue(property, out var found) && found is OpenApiSchema target)
        {
            target.Description = description;
        }
    }
}
