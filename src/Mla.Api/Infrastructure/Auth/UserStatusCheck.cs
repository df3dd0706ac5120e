using Mla.Api.Infrastructure.Data;

namespace Mla.Api.Infrastructure.Auth;

/// <summary>
/// Checked on every authenticated request, so that disabling a user rejects that user's unexpired
/// tokens at once rather than when they expire.
/// </summary>
public sealed class UserStatusCheck(ISqlDialect dialect, DatabaseOptions options)
{
    private const string IsActiveSql = "SELECT COUNT(*) FROM users WHERE id = @id AND is_disabled = @disabled";

    public async Task<bool> IsActiveAsync(Guid userId, CancellationToken cancellationToken)
    {
        await using var session = new DbSession(dialect, options);
        return await session.ExecuteScalarAsync<long>(IsActiveSql, new { id = userId, disabled = false }, cancellationToken) == 1;
    }
}
