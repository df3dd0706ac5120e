using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;

namespace Mla.Api.Infrastructure.OpenApi;

/// <summary>
/// The bearer scheme of the document, and its requirement on every operation that needs a signed-in
/// user: those not marked anonymous, since the fallback policy requires an authenticated user
/// everywhere else. The API reference offers to paste a token because of it.
/// </summary>
internal sealed class BearerSecurityTransformer(IOptions<AuthorizationOptions> authorization) : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    public const string SchemeName = "Bearer";

    public const string SchemeDescription =
        "A token of Mla: `POST /api/auth/token` with `{\"username\": \"...\", \"password\": \"...\"}` answers "
        + "`{\"accessToken\": \"...\", \"expiresAt\": \"...\"}`; paste the `accessToken` here (without the word Bearer). "
        + "It lasts 30 minutes by default (`Authentication:TokenLifetimeMinutes`); sign in again when it expires (401). "
        + "Where an OpenID Connect provider is configured, its access tokens for Mla are accepted too.";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[SchemeName] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = SchemeDescription,
        };
        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var requiresUser = !metadata.OfType<IAllowAnonymous>().Any()
            && (metadata.OfType<IAuthorizeData>().Any() || authorization.Value.FallbackPolicy is not null);
        if (!requiresUser)
        {
            return Task.CompletedTask;
        }

        operation.Security ??= [];
        operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(SchemeName, context.Document)] = [] });
        OperationResponses.UseProblemSchema(operation, StatusCodes.Status401Unauthorized, new OpenApiSchemaReference("ProblemDetails", context.Document));
        return Task.CompletedTask;
    }
}
