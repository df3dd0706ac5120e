using Mla.Api.Infrastructure.Errors;

namespace Mla.Api.Infrastructure.Http;

/// <summary>
/// A path holding a control character once decoded (<c>/%00</c>, <c>/%0A</c>) names nothing Mla serves:
/// 400, as a problem, before authentication and routing. Kestrel itself already refuses <c>%00</c> in
/// the request line with an empty 400 before any middleware runs; this covers what other hosts and
/// proxies let through.
/// </summary>
public static class RequestTargetCheck
{
    public static IApplicationBuilder UseRequestTargetCheck(this IApplicationBuilder app) =>
        app.Use((context, next) =>
        {
            var path = context.Request.Path.Value ?? "";
            return path.Any(char.IsControl)
                ? throw new BadRequestException("The request's path holds a control character.")
                : next(context);
        });
}
