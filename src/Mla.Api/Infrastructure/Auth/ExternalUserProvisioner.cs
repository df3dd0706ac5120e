using System.Data.Common;
using System.Security.Claims;
using Mla.Domain.Access;

namespace Mla.Api.Infrastructure.Auth;

/// <summary>
/// Maps a validated token of the external OpenID Connect provider to an Mla user. The provider is
/// authoritative for role and State (or network): the local account is created on first sign-in and
/// updated on each, so that actions on the timeline always name a user row. See README, "External
/// identity provider", for the claim names.
/// </summary>
public sealed class ExternalUserProvisioner(ISqlDialect dialect, DatabaseOptions options, AuthOptions auth, TimeProvider time)
{
    private const string FindSql = $"""
        SELECT id AS {nameof(ExternalUserRow.Id)}, username AS {nameof(ExternalUserRow.Username)},
               is_disabled AS {nameof(ExternalUserRow.IsDisabled)}
        FROM users
        WHERE external_issuer = @issuer AND external_subject = @subject
        """;

    private const string CountStatesSql = "SELECT COUNT(*) FROM states WHERE iso3 = @code";

    private const string CountNetworksSql = "SELECT COUNT(*) FROM networks WHERE code = @code";

    private const string InsertSql = """
        INSERT INTO users (id, username, display_name, role, state_iso3, network_code, created_at, external_issuer, external_subject)
        VALUES (@id, @username, @displayName, @role, @state, @network, @now, @issuer, @subject)
        """;

    private const string UpdateSql = """
        UPDATE users SET display_name = @displayName, role = @role, state_iso3 = @state, network_code = @network
        WHERE id = @id
        """;

    public async Task<ClaimsPrincipal?> MapAsync(ClaimsPrincipal external, CancellationToken cancellationToken)
    {
        var mapping = auth.ExternalClaims;
        var issuer = external.FindFirstValue("iss");
        var subject = external.FindFirstValue("sub");
        var roleCode = external.FindFirstValue(mapping.Role);
        if (issuer is null || subject is null || !KebabCode.TryParse<Role>(roleCode, out var role))
        {
            return null;
        }

        var state = external.FindFirstValue(mapping.State)?.Trim().ToUpperInvariant();
        var network = external.FindFirstValue(mapping.Network)?.Trim().ToLowerInvariant();
        if (role is Role.Secretariat or Role.Admin)
        {
            state = null;
        }

        if (role is not Role.Secretariat)
        {
            network = null;
        }

        await using var session = new DbSession(dialect, options);
        if (role is Role.CentralAuthority or Role.FocalPoint or Role.Prosecutor
            && (state is null || await session.ExecuteScalarAsync<long>(CountStatesSql, new { code = state }, cancellationToken) == 0))
        {
            return null;
        }

        if (role is Role.Secretariat && (network is null || await session.ExecuteScalarAsync<long>(CountNetworksSql, new { code = network }, cancellationToken) == 0))
        {
            return null;
        }

        var displayName = external.FindFirstValue(mapping.DisplayName) ?? external.FindFirstValue(mapping.Username) ?? subject;
        var existing = await session.QuerySingleOrDefaultAsync<ExternalUserRow>(FindSql, new { issuer, subject }, cancellationToken);
        Guid id;
        string username;
        if (existing is null)
        {
            id = Guid.CreateVersion7();
            username = $"ext:{(external.FindFirstValue(mapping.Username) ?? subject).ToLowerInvariant()}";
            username = username.Length > 100 ? username[..100] : username;
            try
            {
                await session.ExecuteAsync(InsertSql, new
                {
                    id,
                    username,
                    displayName,
                    role = roleCode,
                    state,
                    network,
                    now = time.GetUtcNow(),
                    issuer,
                    subject,
                }, cancellationToken);
            }
            catch (DbException)
            {
                // Two first requests of the same user raced, or the username is taken by another account:
                // use the row the other request created, or refuse.
                existing = await session.QuerySingleOrDefaultAsync<ExternalUserRow>(FindSql, new { issuer, subject }, cancellationToken);
                if (existing is null || existing.IsDisabled)
                {
                    return null;
                }

                id = existing.Id;
                username = existing.Username;
            }
        }
        else
        {
            if (existing.IsDisabled)
            {
                return null;
            }

            id = existing.Id;
            username = existing.Username;
            await session.ExecuteAsync(UpdateSql, new { id, displayName, role = roleCode, state, network }, cancellationToken);
        }

        var claims = new List<Claim>
        {
            new(MlaClaims.UserId, id.ToString()),
            new(MlaClaims.Username, username),
            new(MlaClaims.Name, displayName),
            new(MlaClaims.Role, roleCode!),
        };
        if (state is not null)
        {
            claims.Add(new Claim(MlaClaims.State, state));
        }

        if (network is not null)
        {
            claims.Add(new Claim(MlaClaims.Network, network));
        }

        return new ClaimsPrincipal(new ClaimsIdentity(claims, AuthServiceCollectionExtensions.ExternalScheme, MlaClaims.Name, MlaClaims.Role));
    }

    private sealed record ExternalUserRow
    {
        public Guid Id { get; init; }

        public required string Username { get; init; }

        public bool IsDisabled { get; init; }
    }
}
