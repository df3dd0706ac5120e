using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mla.Api.Infrastructure.OpenApi;

/// <summary>
/// Numbers as numbers. The web JSON defaults also read numbers written as strings, so the generator
/// describes every number as "integer or string" with a pattern, from which client generators make
/// strings or untyped objects. The API always writes numbers and clients should send numbers.
/// </summary>
internal sealed class NumberSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Type is { } type
            && (type & (JsonSchemaType.Integer | JsonSchemaType.Number)) != 0
            && (type & JsonSchemaType.String) != 0)
        {
            schema.Type = type & ~JsonSchemaType.String;
            schema.Pattern = null;
        }

        return Task.CompletedTask;
    }
}
