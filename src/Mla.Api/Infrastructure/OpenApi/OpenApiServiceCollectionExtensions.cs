using Scalar.AspNetCore;

namespace Mla.Api.Infrastructure.OpenApi;

/// <summary>
/// The OpenAPI document (<c>/openapi/v1.json</c>) and the API reference over it (<c>/scalar</c>): complete
/// enough for a national case system to generate a client from it and use it without reading our code.
/// </summary>
public static class OpenApiServiceCollectionExtensions
{
    public static IServiceCollection AddMlaOpenApi(this IServiceCollection services) =>
        services.AddOpenApi(options =>
        {
            options.AddSchemaTransformer<CodeEnumSchemaTransformer>();
            options.AddSchemaTransformer<NumberSchemaTransformer>();

            // In this order: the generic meaning of a status first, so that a route's own wins.
            options.AddOperationTransformer<BearerSecurityTransformer>();
            options.AddOperationTransformer<ProtocolHeadersTransformer>();
            options.AddOperationTransformer<ErrorResponseDescriptions>();
            options.AddOperationTransformer<EndpointDocumentationTransformer>();

            options.AddDocumentTransformer<ApiIntroductionTransformer>();
            options.AddDocumentTransformer<BearerSecurityTransformer>();
            options.AddDocumentTransformer<ProblemSchemas>();
            options.AddDocumentTransformer<CodePropertiesTransformer>();
        });

    /// <summary>The Scalar API reference, with the bearer scheme selected so a pasted token is sent.</summary>
    public static IEndpointConventionBuilder MapMlaApiReference(this IEndpointRouteBuilder routes) =>
        routes.MapScalarApiReference(options => options
                .WithTitle(ApiIntroductionTransformer.Title)
                .AddPreferredSecuritySchemes(BearerSecurityTransformer.SchemeName))
            .AllowAnonymous();
}
