namespace Mla.Api.Infrastructure.Auth;

/// <summary>The <c>Authentication</c> configuration section. See README, "Signing in".</summary>
public sealed class AuthOptions
{
    public const string SectionName = "Authentication";

    /// <summary>Issuer of Mla's own tokens.</summary>
    public string Issuer { get; set; } = "mla";

    /// <summary>Audience of Mla's own tokens.</summary>
    public string Audience { get; set; } = "mla-api";

    /// <summary>
    /// HMAC-SHA256 key for Mla's own tokens, base64 (at least 32 bytes). When absent on the embedded
    /// default, one is generated on first run and kept in the data folder.
    /// </summary>
    public string? SigningKey { get; set; }

    public int TokenLifetimeMinutes { get; set; } = 30;

    /// <summary>Failed sign-ins in a row that lock an account.</summary>
    public int MaxFailedSignIns { get; set; } = 5;

    public int LockoutMinutes { get; set; } = 15;

    /// <summary>Token requests allowed per client address per minute.</summary>
    public int TokenRequestsPerMinute { get; set; } = 20;

    /// <summary>An external OpenID Connect issuer whose tokens are accepted too (optional).</summary>
    public string? Authority { get; set; }

    /// <summary>Audience expected in the external provider's tokens.</summary>
    public string? ExternalAudience { get; set; }

    /// <summary>Allow an http:// authority (development only).</summary>
    public bool ExternalRequireHttpsMetadata { get; set; } = true;

    /// <summary>How the external provider's claims map to Mla's role, State and network.</summary>
    public ExternalClaimMapping ExternalClaims { get; set; } = new();
}

/// <summary>Claim names in the external provider's tokens.</summary>
public sealed class ExternalClaimMapping
{
    public string Username { get; set; } = "preferred_username";

    public string DisplayName { get; set; } = "name";

    /// <summary>Holds one of the Mla role codes (central-authority, focal-point, prosecutor, secretariat, admin).</summary>
    public string Role { get; set; } = "mla_role";

    /// <summary>Holds the user's State as ISO 3166-1 alpha-3.</summary>
    public string State { get; set; } = "mla_state";

    /// <summary>Holds the secretariat's network code (sjcp, wacap).</summary>
    public string Network { get; set; } = "mla_network";
}
