using System.Security.Claims;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace Mla.Api.Infrastructure.Auth;

/// <summary>Signs Mla's own access tokens (HS256) for a user.</summary>
public sealed class TokenIssuer(AuthOptions options, SigningKeyProvider keys, TimeProvider time)
{
    private readonly JsonWebTokenHandler _handler = new();

    public (string AccessToken, DateTimeOffset ExpiresAt) Issue(UserAccount user)
    {
        var now = time.GetUtcNow();
        var expiresAt = now.AddMinutes(options.TokenLifetimeMinutes);
        var claims = new List<Claim>
        {
            new(MlaClaims.UserId, user.Id.ToString()),
            new(MlaClaims.Username, user.Username),
            new(MlaClaims.Name, user.DisplayName),
            new(MlaClaims.Role, user.Role),
            new(JwtRegisteredClaimNames.Jti, Guid.NewGuid().ToString("N")),
        };
        if (user.State is not null)
        {
            claims.Add(new Claim(MlaClaims.State, user.State));
        }

        if (user.Network is not null)
        {
            claims.Add(new Claim(MlaClaims.Network, user.Network));
        }

        var token = _handler.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = options.Issuer,
            Audience = options.Audience,
            Subject = new ClaimsIdentity(claims),
            IssuedAt = now.UtcDateTime,
            NotBefore = now.UtcDateTime,
            Expires = expiresAt.UtcDateTime,
            SigningCredentials = new SigningCredentials(keys.Key, SecurityAlgorithms.HmacSha256),
        });
        return (token, expiresAt);
    }
}
