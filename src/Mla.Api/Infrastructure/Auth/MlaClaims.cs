namespace Mla.Api.Infrastructure.Auth;

/// <summary>Claim names inside Mla's own tokens (and after mapping an external provider's).</summary>
public static class MlaClaims
{
    public const string UserId = "sub";
    public const string Username = "preferred_username";
    public const string Name = "name";
    public const string Role = "role";
    public const string State = "mla_state";
    public const string Network = "mla_network";
}
