using Mla.Domain.Access;
using Mla.Domain.Requests;

namespace Mla.Domain.Lifecycle;

// One allowed transition: in status From, a user of one of Roles on Side may do Action on a request of
// one of Kinds. From is null for an action that creates the request (there is no status yet; Side is the
// side the action puts the user on). To is the status after the action when Target is Fixed, otherwise null.
// RequiresGrantedExtraditionDecision: see LifecycleContext.HasGrantedExtraditionDecision.
// Origin: the row holds only for requests of that origin (null: either); like the side, a request's
// origin never changes, so a row of the other origin is one the user may never use on this request.
public sealed record LifecycleRow(
    RequestStatus? From,
    RequestAction Action,
    PartySide Side,
    IReadOnlyList<Role> Roles,
    IReadOnlyList<RequestKind> Kinds,
    TargetRule Target,
    RequestStatus? To = null,
    bool RequiresGrantedExtraditionDecision = false,
    RequestOrigin? Origin = null)
{
    public bool AppliesTo(RequestKind kind, RequestStatus status, Role role, PartySide side)
        => From == status && Side == side && Roles.Contains(role) && Kinds.Contains(kind);

    public bool HoldsFor(RequestOrigin origin) => Origin is null || Origin == origin;

    public bool IsSatisfiedBy(LifecycleContext context)
        => HoldsFor(context.Origin) && (!RequiresGrantedExtraditionDecision || context.HasGrantedExtraditionDecision);
}
