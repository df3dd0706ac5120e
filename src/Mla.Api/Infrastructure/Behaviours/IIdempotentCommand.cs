namespace Mla.Api.Infrastructure.Behaviours;

/// <summary>
/// A command that honours the client's <c>Idempotency-Key</c> header: sent again with the same key, by
/// the same user, with the same body, it answers the first response without acting again
/// (<see cref="IdempotencyBehaviour{TMessage, TResponse}"/>). Implementations mark both members
/// <c>[JsonIgnore]</c>: they come from the HTTP request's headers and route, not from its body.
/// </summary>
public interface IIdempotentCommand : IBaseCommand
{
    /// <summary>The client's key, or null when it sent none (the command then simply runs).</summary>
    string? IdempotencyKey { get; }

    /// <summary>
    /// What the command acts on besides its body (the request id of the route), so that the same key and
    /// body sent to another request count as a different request.
    /// </summary>
    string IdempotencyScope { get; }
}
