namespace Mla.Api.Infrastructure.Http;

/// <summary>
/// Headers every answer carries, errors included (set as the response starts, after any handler cleared
/// them): <c>X-Content-Type-Options: nosniff</c>, so a browser never runs an annex or a document as
/// something else than its declared type; and under <c>/api</c>, where answers carry case data, tokens
/// and contacts, <c>Cache-Control: no-store</c>, so no shared or browser cache keeps a copy.
/// </summary>
public static class SecurityHeaders
{
    public static IApplicationBuilder UseSecurityHeaders(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            context.Response.OnStarting(() =>
            {
                var headers = context.Response.Headers;
                headers.XContentTypeOptions = "nosniff";
                if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
                {
                    headers.CacheControl = "no-store";
                    headers.Remove("Pragma");
                    headers.Remove("Expires");
                }

                return Task.CompletedTask;
            });
            return next(context);
        });
}
