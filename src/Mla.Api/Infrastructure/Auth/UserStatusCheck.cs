namespace Mla.Api.Infrastructure.Auth;

/// <summary>
/// Checked on every authenticated request, so that disabling a user rejects that user's unexpired
/// tokens at once rather than when they expire. Uses the request's own session, so the check and the
/// request's work share one connection.
/// </summary>
public sealed class UserStatusCheck(IDbSession session)
{
    private const string IsActiveSql = "SELECT COUNT(*) FROM users WHERE id = @id AND is_disabled = @disabled";

    public async Task<bool> IsActiveAsync(Guid userId, CancellationToken cancellationToken) =>
        await session.ExecuteScalarAsync<long>(IsActiveSql, new { id = userId, disabled = false }, cancellationToken) == 1;
}
