using Mla.Domain.Requests;

namespace Mla.Domain.Lifecycle;

public sealed record LifecycleDecision
{
    private LifecycleDecision(bool isAllowed, RequestStatus? targetStatus, DenialReason? denial, IReadOnlyList<RequestAction> allowedActions, string? message)
    {
        IsAllowed = isAllowed;
        TargetStatus = targetStatus;
        Denial = denial;
        AllowedActions = allowedActions;
        Message = message;
    }

    public bool IsAllowed { get; }

    /// <summary>The status after the action when allowed; null when the action discards the draft, or when denied.</summary>
    public RequestStatus? TargetStatus { get; }

    public DenialReason? Denial { get; }

    /// <summary>What the user may do now instead (filled when denied).</summary>
    public IReadOnlyList<RequestAction> AllowedActions { get; }

    /// <summary>Why the action was denied, for operators and problem details; null when allowed.</summary>
    public string? Message { get; }

    internal static LifecycleDecision Allow(RequestStatus? targetStatus) => new(true, targetStatus, null, [], null);

    internal static LifecycleDecision Deny(DenialReason reason, IReadOnlyList<RequestAction> allowedActions, string message)
        => new(false, null, reason, allowedActions, message);
}
