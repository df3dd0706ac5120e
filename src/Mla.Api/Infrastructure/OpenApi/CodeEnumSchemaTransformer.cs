using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mla.Api.Infrastructure.OpenApi;

/// <summary>
/// Enum-typed members as the API exchanges them: strings, one of the kebab-case codes. The generator
/// lists the codes without saying they are strings, and puts <c>null</c> among them for a nullable
/// member, which then leaks into the shared schema of the enum; nullability belongs to the member
/// (the generator already writes it as <c>oneOf: [null, $ref]</c>).
/// </summary>
internal sealed class CodeEnumSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var enumType = Nullable.GetUnderlyingType(type) ?? type;
        if (enumType.IsEnum)
        {
            CodeList.Of(enumType).ApplyTo(schema);
        }

        return Task.CompletedTask;
    }
}
