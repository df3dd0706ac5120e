namespace Mla.Api.Web;

/// <summary>
/// The language of the pages: the user's choice, kept in a cookie (set at sign-in and on the account page),
/// French by default. It sets the culture for the pages only: the API's answers never depend on it.
/// </summary>
public static class PageLanguage
{
    public const string CookieName = "mla.language";

    public static string Of(HttpContext context)
    {
        var chosen = context.Request.Cookies[CookieName];
        return PageText.IsSupported(chosen) ? chosen! : PageText.DefaultLanguage;
    }

    public static void Remember(HttpResponse response, string language) =>
        response.Cookies.Append(CookieName, language, new CookieOptions
        {
            HttpOnly = true,
            IsEssential = true,
            SameSite = SameSiteMode.Lax,
            Secure = response.HttpContext.Request.IsHttps,
            MaxAge = TimeSpan.FromDays(365),
        });

    /// <summary>Sets the culture of everything below it (model binding, formatting) for page requests.</summary>
    public static IApplicationBuilder UsePageLanguage(this IApplicationBuilder app) =>
        app.Use(async (context, next) =>
        {
            if (context.Request.Path.StartsWithSegments("/api", StringComparison.OrdinalIgnoreCase))
            {
                await next(context);
                return;
            }

            var text = PageText.For(Of(context));
            var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            CultureInfo.CurrentCulture = text.Culture;
            CultureInfo.CurrentUICulture = text.Culture;
            try
            {
                await next(context);
            }
            finally
            {
                CultureInfo.CurrentCulture = culture;
                CultureInfo.CurrentUICulture = uiCulture;
            }
        });
}
