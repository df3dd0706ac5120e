using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authorization;
using HeaderNames = Microsoft.Net.Http.Headers.HeaderNames;

namespace Mla.Api.Web;

/// <summary>
/// The browser pages: Razor Pages served by the API's process, signed in with a cookie (a second scheme
/// beside the bearer tokens, used by the pages only: the API stays bearer-only, so a browser's cookie can
/// never act on <c>/api</c>), the page language, and the one stylesheet.
/// </summary>
public static class WebServiceCollectionExtensions
{
    public const string CookieScheme = "Pages";
    public const string PagesPolicy = "pages";
    public const string CaseWorkPagesPolicy = "pages-case-work";
    public const string AdminPagesPolicy = "pages-admin";

    /// <summary>The setting of how long a signed-in page session lasts without a request (a <c>TimeSpan</c>, e.g. <c>00:20:00</c>).</summary>
    public const string IdleTimeoutSetting = "Pages:IdleTimeout";

    /// <summary>A signed-in page session ends after this long without a request (sliding), unless <see cref="IdleTimeoutSetting"/> says otherwise.</summary>
    public static readonly TimeSpan DefaultIdleTimeout = TimeSpan.FromMinutes(20);

    public static IServiceCollection AddMlaPages(this IServiceCollection services)
    {
        services.AddRazorPages(options =>
        {
            options.RootDirectory = "/Pages";
            // The same roles as the API's route groups: case content for case workers, administration for admins.
            options.Conventions.AuthorizeFolder("/", PagesPolicy);
            options.Conventions.AuthorizeFolder("/Requests", CaseWorkPagesPolicy);
            options.Conventions.AuthorizeFolder("/Updates", CaseWorkPagesPolicy);
            options.Conventions.AuthorizeFolder("/Admin", AdminPagesPolicy);
            options.Conventions.AllowAnonymousToPage("/Account/SignIn");
            options.Conventions.AllowAnonymousToPage("/Account/SignOut");
        });
        services.AddAntiforgery(options =>
        {
            options.Cookie.Name = "mla.antiforgery";
            options.FormFieldName = "__RequestVerificationToken";
        });

        services.AddAuthentication().AddCookie(CookieScheme, options =>
        {
            options.Cookie.Name = "mla.session";
            options.Cookie.HttpOnly = true;
            options.Cookie.SameSite = SameSiteMode.Lax;
            options.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
            options.SlidingExpiration = true;
            options.LoginPath = "/account/sign-in";
            options.LogoutPath = "/account/sign-out";
            options.AccessDeniedPath = "/account/denied";
            options.ReturnUrlParameter = "returnUrl";
            options.Events = new CookieAuthenticationEvents
            {
                // As for tokens: a user disabled meanwhile is signed out at the next page.
                OnValidatePrincipal = async context =>
                {
                    var check = context.HttpContext.RequestServices.GetRequiredService<UserStatusCheck>();
                    var subject = context.Principal?.FindFirst(MlaClaims.UserId)?.Value;
                    if (!Guid.TryParse(subject, out var userId) || !await check.IsActiveAsync(userId, context.HttpContext.RequestAborted))
                    {
                        context.RejectPrincipal();
                        await context.HttpContext.SignOutAsync(CookieScheme);
                    }
                },
            };
        });
        // The idle limit from the configuration, measured on the application's own clock (the one every
        // command reads), so the session's end follows the same time as everything else and a test can move it.
        // A limit that is not a positive time span stops the start, rather than every page later.
        services.AddOptions<CookieAuthenticationOptions>(CookieScheme)
            .Configure<IConfiguration, TimeProvider>((options, configuration, time) =>
            {
                options.ExpireTimeSpan = configuration.GetValue(IdleTimeoutSetting, DefaultIdleTimeout);
                options.TimeProvider = time;
            })
            .Validate(options => options.ExpireTimeSpan > TimeSpan.Zero, $"{IdleTimeoutSetting} must be a positive time span, e.g. 00:20:00.")
            .ValidateOnStart();
        services.AddAuthorizationBuilder()
            .AddPolicy(PagesPolicy, new AuthorizationPolicyBuilder(CookieScheme).RequireAuthenticatedUser().Build())
            .AddPolicy(CaseWorkPagesPolicy, new AuthorizationPolicyBuilder(CookieScheme).RequireRole("central-authority", "focal-point", "prosecutor").Build())
            .AddPolicy(AdminPagesPolicy, new AuthorizationPolicyBuilder(CookieScheme).RequireRole("admin").Build());
        services.AddScoped<CookieSignIn>();
        return services;
    }

    /// <summary>The stylesheet (cached for a year: its URL changes with its content) and the page language.</summary>
    public static IApplicationBuilder UseMlaPages(this IApplicationBuilder app)
    {
        app.UseStaticFiles(new StaticFileOptions
        {
            OnPrepareResponse = context =>
            {
                var versioned = context.Context.Request.Query.ContainsKey("v");
                context.Context.Response.Headers[HeaderNames.CacheControl] = versioned
                    ? "public, max-age=31536000, immutable"
                    : "public, max-age=3600";
            },
        });
        app.UsePageLanguage();
        return app;
    }

    public static IEndpointRouteBuilder MapMlaPages(this IEndpointRouteBuilder routes)
    {
        routes.MapRazorPages();
        return routes;
    }
}
