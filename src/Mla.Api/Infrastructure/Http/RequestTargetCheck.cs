namespace Mla.Api.Infrastructure.Http;

/// <summary>
/// A path holding a control character once decoded (<c>/%0A</c>, <c>/%1B</c>) names nothing Mla serves:
/// 400, as a problem, before authentication and routing. <c>/%00</c> never gets here: Kestrel refuses a
/// NUL in the request target while parsing the request line, with an empty 400 and before any middleware
/// runs, so no application code can give it a problem body (a proxy in front can, if one is wanted).
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
