using Mla.Domain.Access;
using Mla.Domain.Requests;

namespace Mla.Domain.Lifecycle;

// One allowed transition: in status From, a user of one of Roles on Side may do Action on a request of
// one of Kinds. From is null for an action that creates the request (there is no status yet; Side is the
// side the action puts the user on). To is the status after the action when Target is Fixed, otherwise null.
// RequiresGrantedExtraditionDecision: see LifecycleContext.HasGrantedExtraditionDecision.
public sealed record LifecycleRow(
    RequestStatus? From,
    RequestAction Action,
    PartySide Side,
    IReadOnlyList<Role> Roles,
    IReadOnlyList<RequestKind> Kinds,
    TargetRule Target,
    RequestStatus? To = null,
    bool RequiresGrantedExtraditionDecision = false)
{
    public bool AppliesTo(RequestKind kind, RequestStatus status, Role role, PartySide side)
        => From == status && Side == side && Roles.Contains(role) && Kinds.Contains(kind);

    public bool IsSatisfiedBy(LifecycleContext context)
        => !RequiresGrantedExtraditionDecision || context.HasGrantedExtraditionDecision;
}
