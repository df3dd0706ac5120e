using System.Security.Claims;
using Mla.Domain.Access;

namespace Mla.Api.Infrastructure.Auth;

/// <summary>Who is acting: read from the validated token's claims. Handlers take this, never HttpContext.</summary>
public interface ICurrentUser
{
    bool IsAuthenticated { get; }

    Guid Id { get; }

    string Username { get; }

    Role Role { get; }

    /// <summary>ISO3 of the user's State; null for secretariat and admin.</summary>
    string? State { get; }

    /// <summary>Network code of a secretariat; null otherwise.</summary>
    string? Network { get; }
}

/// <inheritdoc cref="ICurrentUser"/>
public sealed class HttpCurrentUser(IHttpContextAccessor accessor) : ICurrentUser
{
    private ClaimsPrincipal Principal => accessor.HttpContext?.User ?? new ClaimsPrincipal();

    public bool IsAuthenticated => Principal.Identity?.IsAuthenticated == true && Guid.TryParse(Principal.FindFirstValue(MlaClaims.UserId), out _);

    public Guid Id => Guid.TryParse(Principal.FindFirstValue(MlaClaims.UserId), out var id)
        ? id
        : throw new InvalidOperationException("No signed-in user.");

    public string Username => Principal.FindFirstValue(MlaClaims.Username) ?? "";

    public Role Role => KebabCode.TryParse<Role>(Principal.FindFirstValue(MlaClaims.Role), out var role)
        ? role
        : throw new InvalidOperationException("The signed-in user has no valid role.");

    public string? State => Principal.FindFirstValue(MlaClaims.State);

    public string? Network => Principal.FindFirstValue(MlaClaims.Network);
}
