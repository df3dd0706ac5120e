using Mla.Domain.Access;
using Mla.Domain.Requests;
using static Mla.Domain.Access.PartySide;
using static Mla.Domain.Lifecycle.RequestAction;
using static Mla.Domain.Lifecycle.TargetRule;
using static Mla.Domain.Requests.RequestStatus;

namespace Mla.Domain.Lifecycle;

/// <summary>
/// The lifecycle state machine: one table of allowed rows (<see cref="Rows"/>), and the questions the API
/// asks of it. Anything not in the table is denied.
/// </summary>
public static class RequestLifecycle
{
    public static IReadOnlyList<LifecycleRow> Rows { get; } = BuildRows();

    private static List<LifecycleRow> BuildRows()
    {
        Role[] ca = [Role.CentralAuthority];
        Role[] caOrFp = [Role.CentralAuthority, Role.FocalPoint];
        Role[] followers = [Role.CentralAuthority, Role.FocalPoint, Role.Prosecutor];
        RequestKind[] all = [RequestKind.Mla, RequestKind.Extradition, RequestKind.ProvisionalArrest];
        RequestKind[] mla = [RequestKind.Mla];
        RequestKind[] extraditions = [RequestKind.Extradition, RequestKind.ProvisionalArrest];

        List<LifecycleRow> rows =
        [
            // A draft belongs to the requesting central authority; the requested side does not even see it.
            new(Draft, UpdateDraft, Requesting, ca, all, Unchanged),
            new(Draft, DiscardDraft, Requesting, ca, all, Discarded),
            new(Draft, Transmit, Requesting, ca, all, Fixed, Transmitted),

            new(Transmitted, AcknowledgeReceipt, Requested, caOrFp, all, Fixed, Received),
            new(Transmitted, Withdraw, Requesting, ca, all, Fixed, Withdrawn),

            new(Received, StartExecution, Requested, caOrFp, all, Fixed, InExecution),
            new(Received, AskInformation, Requested, caOrFp, all, Fixed, AwaitingInformation),
            // Postponing and refusing are decisions of the central authority alone (UNTOC 18(25), 18(21)).
            new(Received, Postpone, Requested, ca, all, Fixed, Postponed),
            new(Received, Refuse, Requested, ca, all, Fixed, Refused),
            new(Received, Withdraw, Requesting, ca, all, Fixed, Withdrawn),
            new(Received, RecordProvisionalArrest, Requested, caOrFp, extraditions, Unchanged),
            new(Received, RecordExtraditionDecision, Requested, ca, extraditions, FromExtraditionDecision),

            new(InExecution, AskInformation, Requested, caOrFp, all, Fixed, AwaitingInformation),
            new(InExecution, Postpone, Requested, ca, all, Fixed, Postponed),
            // Extradition ends with a surrender, not with outcomes per assistance item.
            new(InExecution, RecordExecution, Requested, caOrFp, mla, FromExecutionOutcomes),
            new(InExecution, Refuse, Requested, ca, all, Fixed, Refused),
            new(InExecution, Withdraw, Requesting, ca, all, Fixed, Withdrawn),
            new(InExecution, RecordProvisionalArrest, Requested, caOrFp, extraditions, Unchanged),
            new(InExecution, RecordExtraditionDecision, Requested, ca, extraditions, FromExtraditionDecision),
            new(InExecution, RecordSurrender, Requested, caOrFp, extraditions, Fixed, Executed, RequiresGrantedExtraditionDecision: true),

            // The requested State's clock pauses until the requesting central authority answers.
            new(AwaitingInformation, ProvideInformation, Requesting, ca, all, Fixed, InExecution),
            new(AwaitingInformation, Refuse, Requested, ca, all, Fixed, Refused),
            new(AwaitingInformation, Withdraw, Requesting, ca, all, Fixed, Withdrawn),

            new(Postponed, StartExecution, Requested, caOrFp, all, Fixed, InExecution),
            new(Postponed, Refuse, Requested, ca, all, Fixed, Refused),
            new(Postponed, Withdraw, Requesting, ca, all, Fixed, Withdrawn),
            new(Postponed, RecordExtraditionDecision, Requested, ca, extraditions, FromExtraditionDecision),
        ];

        // Follow-up notes: on every status the requested side can see, final ones included, by anyone
        // following the case on either side. Secretariat and admin never touch case content.
        rows.AddRange(
            from status in Enum.GetValues<RequestStatus>()
            where status != Draft
            from side in Enum.GetValues<PartySide>()
            select new LifecycleRow(status, AddNote, side, followers, all, Unchanged));

        return rows;
    }

    /// <summary>
    /// Decides an action that creates a request: a draft by the requesting State's central authority, or
    /// a request received outside Mla registered by the requested State's central authority.
    /// </summary>
    public static LifecycleDecision DecideCreation(RequestAction action, Role role, bool hasState)
    {
        if (action is not (CreateDraft or RegisterIncoming))
        {
            throw new ArgumentException($"{action} does not create a request.", nameof(action));
        }

        return role == Role.CentralAuthority && hasState
            ? LifecycleDecision.Allow(action == CreateDraft ? Draft : Received)
            : LifecycleDecision.Deny(DenialReason.RoleNeverAllowed, [], action == CreateDraft
                ? "Only a central authority drafts requests."
                : "Only a central authority registers the requests its State receives.");
    }

    /// <summary>What this user may do now on this request, in <see cref="RequestAction"/> order.</summary>
    public static IReadOnlyList<RequestAction> AllowedActions(RequestKind kind, RequestStatus status, Role role, PartySide side, LifecycleContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        return
        [
            .. Rows
                .Where(r => r.AppliesTo(kind, status, role, side) && r.IsSatisfiedBy(context))
                .Select(r => r.Action)
                .Distinct()
                .Order(),
        ];
    }

    /// <summary>Decides any action whose target does not depend on an outcome.</summary>
    /// <exception cref="ArgumentException">For RecordExecution and RecordExtraditionDecision: use the overload taking the outcomes or the decision.</exception>
    public static LifecycleDecision Decide(RequestKind kind, RequestStatus status, RequestAction action, Role role, PartySide side, LifecycleContext context)
    {
        if (action is RecordExecution or RecordExtraditionDecision)
        {
            throw new ArgumentException($"The target of {action} depends on its outcome: call the overload that takes it.", nameof(action));
        }

        return DecideCore(kind, status, action, role, side, context, row => row.Target switch
        {
            Fixed => (row.To, null),
            Unchanged => (status, null),
            Discarded => (null, null),
            _ => throw new InvalidOperationException($"Row target {row.Target} needs an outcome."),
        });
    }

    /// <summary>Decides RecordExecution: the target is computed from the outcome of each assistance item.</summary>
    public static LifecycleDecision Decide(RequestKind kind, RequestStatus status, IReadOnlyCollection<ExecutionOutcome> outcomes, Role role, PartySide side, LifecycleContext context)
    {
        ArgumentNullException.ThrowIfNull(outcomes);
        return DecideCore(kind, status, RecordExecution, role, side, context, _ =>
            ExecutionResult.TryGetTargetStatus(outcomes, out var target)
                ? (target, null)
                : (null, ExecutionResult.NothingExecutedMessage));
    }

    /// <summary>Decides RecordExtraditionDecision: granted (even partly) goes on to execution, refused is final.</summary>
    public static LifecycleDecision Decide(RequestKind kind, RequestStatus status, ExtraditionDecision decision, Role role, PartySide side, LifecycleContext context)
        => DecideCore(kind, status, RecordExtraditionDecision, role, side, context, _ => decision switch
        {
            ExtraditionDecision.Granted or ExtraditionDecision.PartlyGranted => (InExecution, null),
            ExtraditionDecision.Refused => (Refused, null),
            _ => (null, $"Unknown extradition decision {decision}."),
        });

    // The target function answers the status after the action, or an error when the outcome is invalid.
    private static LifecycleDecision DecideCore(
        RequestKind kind,
        RequestStatus status,
        RequestAction action,
        Role role,
        PartySide side,
        LifecycleContext context,
        Func<LifecycleRow, (RequestStatus? Target, string? Error)> target)
    {
        ArgumentNullException.ThrowIfNull(context);
        var allowed = AllowedActions(kind, status, role, side, context);

        // The side is part of who the user is for this request and never changes, so a requested-side
        // central authority trying to withdraw is as forbidden (403) as a prosecutor trying to.
        var everPossible = Rows.Where(r => r.Action == action && r.Side == side && r.Roles.Contains(role)).ToList();
        if (everPossible.Count == 0)
        {
            return LifecycleDecision.Deny(
                DenialReason.RoleNeverAllowed,
                allowed,
                $"A {role.ToCode()} user on the {side.ToCode()} side may never {action.ToCode()} a request.");
        }

        var row = everPossible.FirstOrDefault(r => r.From == status && r.Kinds.Contains(kind));
        if (row is null)
        {
            var message = everPossible.Exists(r => r.Kinds.Contains(kind))
                ? $"{action.ToCode()} is not allowed while the request is {status.ToCode()}."
                : $"{action.ToCode()} does not apply to a request of kind {kind.ToCode()}.";
            return LifecycleDecision.Deny(DenialReason.NotAllowedNow, allowed, message);
        }

        if (!row.IsSatisfiedBy(context))
        {
            return LifecycleDecision.Deny(
                DenialReason.NotAllowedNow,
                allowed,
                $"{action.ToCode()} needs a granted or partly granted extradition decision first.");
        }

        var (to, error) = target(row);
        return error is null
            ? LifecycleDecision.Allow(to)
            : LifecycleDecision.Deny(DenialReason.InvalidOutcome, allowed, error);
    }
}
