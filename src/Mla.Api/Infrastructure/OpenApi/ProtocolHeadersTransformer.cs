using System.Text.Json.Nodes;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;
using Mla.Api.Infrastructure.Behaviours;
using Mla.Api.Infrastructure.Http;

namespace Mla.Api.Infrastructure.OpenApi;

/// <summary>
/// The HTTP conventions every route shares, documented where they apply: optimistic concurrency
/// (<c>ETag</c> on every answer carrying a request, <c>If-Match</c> required on writes, which answer 428
/// without it and 412 when it is stale), <c>Idempotency-Key</c> on the POSTs that honour it, and
/// <c>Location</c> on every 201.
/// </summary>
internal sealed class ProtocolHeadersTransformer : IOpenApiOperationTransformer
{
    public const string IfMatchDescription =
        "The request's ETag as you last read it: its version in double quotes, e.g. `\"3\"`, from the `ETag` header "
        + "of the last answer carrying the request (or its `version`). Required: without it the write answers 428; "
        + "when the request changed since, 412. `*` names no version and answers 428.";

    public const string IdempotencyKeyDescription =
        "Optional, recommended for retries: a key of yours (1 to 200 printable characters, e.g. a UUID) naming this write. "
        + "Sent again by the same user with the same key and the same body, it answers the first answer again without acting twice; "
        + "with another body or target it answers 422. Without a key the write simply runs.";

    public const string ETagDescription =
        "The request's version in double quotes (e.g. `\"3\"`): send it back in `If-Match` to change the request.";

    public const string LocationDescription = "Where the created resource can be read.";

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>().Where(p => p.In == ParameterLocation.Header))
        {
            if (string.Equals(parameter.Name, EntityTag.IfMatchHeader, StringComparison.OrdinalIgnoreCase))
            {
                parameter.Required = true;
                parameter.Description = IfMatchDescription;
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, Pattern = "^(W/)?\"[1-9][0-9]*\"$" };
                parameter.Example = JsonValue.Create("\"3\"");
            }
            else if (string.Equals(parameter.Name, IdempotencyRecords.HeaderName, StringComparison.OrdinalIgnoreCase))
            {
                parameter.Description = IdempotencyKeyDescription;
                parameter.Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyRecords.MaxKeyLength };
                parameter.Example = JsonValue.Create("5f0c6a2e-8d1b-4c39-9a57-2b7e4d1f9c08");
            }
        }

        foreach (var carrying in context.Description.SupportedResponseTypes.Where(type => type.Type == typeof(RequestDto)))
        {
            OperationResponses.AddHeader(operation, carrying.StatusCode, "ETag", ETagDescription);
        }

        OperationResponses.AddHeader(operation, StatusCodes.Status201Created, "Location", LocationDescription);
        return Task.CompletedTask;
    }
}
