using Mla.Domain.Access;

namespace Mla.Api.Features.Requests;

/// <summary>A request the caller may see, as stored, with the side of it the caller's State is on.</summary>
public sealed record AccessibleRequest(RequestRow Row, RequestContent Content, PartySide Side)
{
    public Guid Id => Row.Id;

    public RequestKind Kind => Row.Kind;

    public RequestStatus Status => Row.Status;

    public LifecycleContext Context => new(
        HasGrantedExtraditionDecision: Row.ExtraditionDecision is ExtraditionDecision.Granted or ExtraditionDecision.PartlyGranted,
        Origin: Row.Origin);
}

/// <summary>
/// The one gate to requests: every request query and command loads its request here. A request is
/// found only when the caller's State is its requesting State, or its requested State once transmitted;
/// otherwise, and always for secretariat and admin, it does not exist (404, never 403, so its existence
/// does not leak). Discarded drafts do not exist either.
/// </summary>
public sealed class RequestAccess(RequestStore store, ICurrentUser currentUser)
{
    /// <summary>
    /// The SQL condition a list applies for the same rule (<c>@state</c> and <c>@draft</c> parameters from
    /// <see cref="ListScope"/>); kept next to <see cref="GetAsync"/> so the two cannot drift apart.
    /// </summary>
    public const string VisibleCondition =
        $"r.discarded_at IS NULL AND (r.requesting_state = {State} OR (r.requested_state = {State} AND r.status <> @draft))";

    /// <summary>
    /// The caller's State (<c>@state</c>) as the States' columns are typed. PostgreSQL compares a
    /// <c>char(3)</c> column with a text parameter as text, casting the column, so no index on the State
    /// would serve (measured: a count of a State's requests read every entry of an index at 100,000).
    /// </summary>
    public const string State = "CAST(@state AS char(3))";

    public async Task<AccessibleRequest> GetAsync(Guid id, CancellationToken cancellationToken)
    {
        var stored = await store.FindAsync(id, cancellationToken);
        var side = stored is null
            ? null
            : RequestVisibility.SideOf(currentUser.Role, currentUser.State, stored.Row.RequestingState, stored.Row.RequestedState, stored.Row.Status);
        return side is { } party
            ? new AccessibleRequest(stored!.Row, stored.Content, party)
            : throw new NotFoundException("No such request.");
    }

    /// <summary>
    /// Checks the request a request says it supplements: one the caller can see, other than itself,
    /// between the same requesting and requested States (its reference is printed in the document sent
    /// to the requested State, so it must be theirs). 400 on <c>supplements</c> otherwise, without
    /// saying whether it exists.
    /// </summary>
    public async Task EnsureSupplementableAsync(Guid? supplements, Guid? self, string requestingState, string? requestedState, CancellationToken cancellationToken)
    {
        if (supplements is not { } id)
        {
            return;
        }

        var found = id != self;
        if (found)
        {
            try
            {
                var earlier = await GetAsync(id, cancellationToken);
                found = earlier.Row.RequestingState == requestingState && earlier.Row.RequestedState == requestedState;
            }
            catch (NotFoundException)
            {
                found = false;
            }
        }

        if (!found)
        {
            throw new InvalidInputException(new Dictionary<string, string[]> { ["supplements"] = ["Not an earlier request between the same two States that this one can supplement."] });
        }
    }

    /// <summary>The State whose requests the caller may list; secretariat and admin see no case.</summary>
    public (string State, string Draft) ListScope() =>
        currentUser.Role is Role.Secretariat or Role.Admin || string.IsNullOrWhiteSpace(currentUser.State)
            ? throw new ForbiddenException("Case content is not available to this role.")
            : (currentUser.State, RequestStatus.Draft.ToCode());
}
