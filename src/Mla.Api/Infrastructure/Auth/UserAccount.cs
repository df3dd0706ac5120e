namespace Mla.Api.Infrastructure.Auth;

/// <summary>A row of <c>users</c>, as the sign-in and administration code needs it.</summary>
public sealed record UserAccount
{
    public const string SelectColumnsSql = $"""
        SELECT id AS {nameof(UserAccount.Id)}, username AS {nameof(UserAccount.Username)},
               display_name AS {nameof(UserAccount.DisplayName)}, function_title AS {nameof(UserAccount.FunctionTitle)},
               email AS {nameof(UserAccount.Email)}, phone AS {nameof(UserAccount.Phone)}, role AS {nameof(UserAccount.Role)},
               state_iso3 AS {nameof(UserAccount.State)}, network_code AS {nameof(UserAccount.Network)},
               password_hash AS {nameof(UserAccount.PasswordHash)}, is_disabled AS {nameof(UserAccount.IsDisabled)},
               failed_sign_ins AS {nameof(UserAccount.FailedSignIns)}, locked_until AS {nameof(UserAccount.LockedUntil)},
               created_at AS {nameof(UserAccount.CreatedAt)}
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
}
