namespace Mla.Api.Features.Auth;

/// <summary>
/// Who a user is in Mla: the name they sign in with, the name others see, their role, and the State or
/// network the role belongs to. One shape for the account an administrator creates, the account as listed,
/// and the signed-in user's own view of it.
/// </summary>
public abstract record UserIdentity
{
    public required string Username { get; init; }

    public required string DisplayName { get; init; }

    /// <summary><c>central-authority</c>, <c>focal-point</c>, <c>prosecutor</c>, <c>secretariat</c> or <c>admin</c>.</summary>
    public required string Role { get; init; }

    /// <summary>ISO3 of the user's State (central-authority, focal-point, prosecutor).</summary>
    public string? State { get; init; }

    /// <summary>Network code (secretariat).</summary>
    public string? Network { get; init; }
}
