using System.Threading.RateLimiting;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Identity;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Mla.Api.Infrastructure.Hosting;

namespace Mla.Api.Infrastructure.Auth;

/// <summary>
/// Authentication (Mla's own tokens, and optionally an external OpenID Connect provider's),
/// role policies, and the rate limit on the token endpoint.
/// </summary>
public static class AuthServiceCollectionExtensions
{
    public const string SelectorScheme = "Bearer";
    public const string LocalScheme = "Local";
    public const string ExternalScheme = "External";
    public const string TokenRateLimitPolicy = "token";

    public static IServiceCollection AddMlaAuth(this IServiceCollection services, IConfiguration configuration)
    {
        services.AddBoundOptions<AuthOptions>(AuthOptions.SectionName);
        services.AddSingleton<SigningKeyProvider>();
        services.AddSingleton<TokenIssuer>();
        services.AddScoped<UserStatusCheck>();
        services.AddScoped<UserClock>();
        services.AddSingleton<ExternalUserProvisioner>();
        services.AddSingleton<IPasswordHasher<UserAccount>, PasswordHasher<UserAccount>>();
        services.TryAddSingletonTimeProvider();
        services.AddHttpContextAccessor();
        services.AddScoped<ICurrentUser, HttpCurrentUser>();

        var externalConfigured = !string.IsNullOrWhiteSpace(configuration[$"{AuthOptions.SectionName}:{nameof(AuthOptions.Authority)}"]);
        var authentication = services.AddAuthentication(SelectorScheme)
            .AddPolicyScheme(SelectorScheme, "Mla or external bearer token", options =>
                options.ForwardDefaultSelector = context => externalConfigured && !IsLocalToken(context) ? ExternalScheme : LocalScheme)
            .AddJwtBearer(LocalScheme);
        services.AddOptions<JwtBearerOptions>(LocalScheme).Configure<AuthOptions, SigningKeyProvider>(ConfigureLocal);

        if (externalConfigured)
        {
            authentication.AddJwtBearer(ExternalScheme);
            services.AddOptions<JwtBearerOptions>(ExternalScheme).Configure<AuthOptions>(ConfigureExternal);
        }

        services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new Microsoft.AspNetCore.Authorization.AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(Policies.Admin, policy => policy.RequireRole("admin"))
            .AddPolicy(Policies.CaseWork, policy => policy.RequireRole("central-authority", "focal-point", "prosecutor"))
            .AddPolicy(Policies.CentralAuthority, policy => policy.RequireRole("central-authority"))
            .AddPolicy(Policies.Secretariat, policy => policy.RequireRole("secretariat"))
            .AddPolicy(Policies.PlenaryReports, policy => policy.RequireRole("secretariat", "central-authority", "prosecutor"));

        services.AddRateLimiter(options =>
        {
            options.RejectionStatusCode = StatusCodes.Status429TooManyRequests;
            options.AddPolicy(TokenRateLimitPolicy, context =>
            {
                var limit = context.RequestServices.GetRequiredService<AuthOptions>().TokenRequestsPerMinute;
                return RateLimitPartition.GetFixedWindowLimiter(
                    context.Connection.RemoteIpAddress?.ToString() ?? "unknown",
                    _ => new FixedWindowRateLimiterOptions { PermitLimit = limit, Window = TimeSpan.FromMinutes(1), QueueLimit = 0 });
            });
        });

        return services;
    }

    private static void TryAddSingletonTimeProvider(this IServiceCollection services)
    {
        if (!services.Any(descriptor => descriptor.ServiceType == typeof(TimeProvider)))
        {
            services.AddSingleton(TimeProvider.System);
        }
    }

    private static void ConfigureLocal(JwtBearerOptions options, AuthOptions auth, SigningKeyProvider keys)
    {
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuer = auth.Issuer,
            ValidAudience = auth.Audience,
            IssuerSigningKey = keys.Key,
            // Only what we sign with: a token claiming "none" or another algorithm is rejected.
            ValidAlgorithms = [SecurityAlgorithms.HmacSha256],
        };
        ApplyRulesOfEveryScheme(options, async context =>
        {
            var check = context.HttpContext.RequestServices.GetRequiredService<UserStatusCheck>();
            var subject = context.Principal?.FindFirst(MlaClaims.UserId)?.Value;
            if (!Guid.TryParse(subject, out var userId) || !await check.IsActiveAsync(userId, context.HttpContext.RequestAborted))
            {
                context.Fail("The user is disabled or unknown.");
            }
        });
    }

    private static void ConfigureExternal(JwtBearerOptions options, AuthOptions auth)
    {
        options.Authority = auth.Authority;
        options.Audience = auth.ExternalAudience;
        options.RequireHttpsMetadata = auth.ExternalRequireHttpsMetadata;
        options.TokenValidationParameters = new TokenValidationParameters
        {
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidAudience = auth.ExternalAudience,
            // Asymmetric signatures only: an identity provider never signs with a shared secret or "none".
            ValidAlgorithms =
            [
                SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512,
                SecurityAlgorithms.RsaSsaPssSha256, SecurityAlgorithms.EcdsaSha256, SecurityAlgorithms.EcdsaSha384,
            ],
        };
        ApplyRulesOfEveryScheme(options, async context =>
        {
            var provisioner = context.HttpContext.RequestServices.GetRequiredService<ExternalUserProvisioner>();
            var principal = await provisioner.MapAsync(context.Principal!, context.HttpContext.RequestAborted);
            if (principal is null)
            {
                context.Fail("The external token does not carry a valid Mla role and State or network, or the user is disabled.");
            }
            else
            {
                context.Principal = principal;
            }
        });
    }

    /// <summary>
    /// What both schemes ask of a token beside its issuer and keys: a signature, an expiry (30 seconds of clock
    /// skew), Mla's claim names, then <paramref name="checkUser"/> on the user it names.
    /// </summary>
    private static void ApplyRulesOfEveryScheme(JwtBearerOptions options, Func<TokenValidatedContext, Task> checkUser)
    {
        // A refused token is answered "WWW-Authenticate: Bearer" and nothing more: why it failed (expired,
        // bad signature, disabled user) would only help whoever forges or replays tokens.
        options.IncludeErrorDetails = false;
        options.MapInboundClaims = false;
        var parameters = options.TokenValidationParameters;
        parameters.RequireSignedTokens = true;
        parameters.RequireExpirationTime = true;
        parameters.ValidateLifetime = true;
        parameters.ClockSkew = TimeSpan.FromSeconds(30);
        parameters.NameClaimType = MlaClaims.Name;
        parameters.RoleClaimType = MlaClaims.Role;
        options.Events = new JwtBearerEvents { OnTokenValidated = checkUser };
    }

    // Mla's own tokens are told apart by their issuer; the token is not trusted here, only routed.
    private static bool IsLocalToken(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        if (!header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return true;
        }

        try
        {
            var token = new JsonWebToken(header["Bearer ".Length..].Trim());
            return token.Issuer == context.RequestServices.GetRequiredService<AuthOptions>().Issuer;
        }
        catch (ArgumentException)
        {
            return true;
        }
    }
}
