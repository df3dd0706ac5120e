namespace Mla.Api.Infrastructure.Auth;

/// <summary>A row of <c>users</c>, as the sign-in and administration code needs it.</summary>
public sealed record UserAccount
{
    public const string SelectColumnsSql = """
        SELECT id AS Id, username AS Username, display_name AS DisplayName, function_title AS FunctionTitle,
               email AS Email, phone AS Phone, role AS Role, state_iso3 AS State, network_code AS Network,
               password_hash AS PasswordHash, is_disabled AS IsDisabled, failed_sign_ins AS FailedSignIns,
               locked_until AS LockedUntil, created_at AS CreatedAt, disabled_at AS DisabledAt
        FROM users
        """;

    public Guid Id { get; init; }

    public required string Username { get; init; }

    public required string DisplayName { get; init; }

    public string? FunctionTitle { get; init; }

    public string? Email { get; init; }

    public string? Phone { get; init; }

    public required string Role { get; init; }

    public string? State { get; init; }

    public string? Network { get; init; }

    public string? PasswordHash { get; init; }

    public bool IsDisabled { get; init; }

    public int FailedSignIns { get; init; }

    public DateTimeOffset? LockedUntil { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset? DisabledAt { get; init; }
}
