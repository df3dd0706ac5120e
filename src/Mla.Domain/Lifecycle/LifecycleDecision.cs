using Mla.Domain.Requests;

namespace Mla.Domain.Lifecycle;

public sealed record LifecycleDecision
{
    // Made by the lifecycle table alone (Allow, Deny), each naming what it decides.
    private LifecycleDecision()
    {
    }

    public bool IsAllowed { get; private init; }

    /// <summary>The status after the action when allowed; null when the action discards the draft, or when denied.</summary>
    public RequestStatus? TargetStatus { get; private init; }

    public DenialReason? Denial { get; private init; }

    /// <summary>What the user may do now instead (filled when denied).</summary>
    public IReadOnlyList<RequestAction> AllowedActions { get; private init; } = [];

    /// <summary>Why the action was denied, for operators and problem details; null when allowed.</summary>
    public string? Message { get; private init; }

    internal static LifecycleDecision Allow(RequestStatus? targetStatus) => new() { IsAllowed = true, TargetStatus = targetStatus };

    internal static LifecycleDecision Deny(DenialReason reason, IReadOnlyList<RequestAction> allowedActions, string message)
        => new() { Denial = reason, AllowedActions = allowedActions, Message = message };
}
