using Mla.Domain.Access;
using Mla.Domain.Requests;
using static Mla.Domain.Access.PartySide;
using static Mla.Domain.Lifecycle.RequestAction;
using static Mla.Domain.Lifecycle.TargetRule;
using static Mla.Domain.Requests.RequestOrigin;
using static Mla.Domain.Requests.RequestStatus;

namespace Mla.Domain.Lifecycle;

/// <summary>
/// The lifecycle state machine: one table of allowed rows (<see cref="Rows"/>), and the questions the API
/// asks of it. Anything not in the table is denied. The table decides who may act, creating a request
/// included: handlers hold no role checks of their own.
/// </summary>
public static class RequestLifecycle
{
    public static IReadOnlyList<LifecycleRow> Rows { get; } = BuildRows();

    // The actions whose rows start before the request exists (From null): they go through DecideCreation.
    private static readonly HashSet<RequestAction> CreationActions = [.. Rows.Where(r => r.From is null).Select(r => r.Action)];

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
            // A request comes into being in one of two ways: the requesting central authority drafts it, or
            // the requested central authority registers one that arrived outside Mla, already received.
            new(null, CreateDraft, Requesting, ca, all, Fixed, Draft),
            new(null, RegisterIncoming, Requested, ca, all, Fixed, Received),

            // A draft belongs to the requesting central authority; the requested side does not even see it.
            // Only a request drafted in Mla is ever a draft: none of this is ever possible on a registered one.
            new(Draft, UpdateDraft, Requesting, ca, all, Unchanged, Origin: Drafted),
            new(Draft, DiscardDraft, Requesting, ca, all, Discarded, Origin: Drafted),
            new(Draft, Transmit, Requesting, ca, all, Fixed, Transmitted, Origin: Drafted),
            // Annexes of a draft (a translation, exhibits) are its author's, before it is transmitted.
            new(Draft, AddAnnex, Requesting, ca, all, Unchanged, Origin: Drafted),

            new(Transmitted, AcknowledgeReceipt, Requested, caOrFp, all, Fixed, Received),

            new(Received, StartExecution, Requested, caOrFp, all, Fixed, InExecution),
            new(Received, AskInformation, Requested, caOrFp, all, Fixed, AwaitingInformation),
            // Postponing and refusing are decisions of the central authority alone (UNTOC 18(25), 18(21)).
            new(Received, Postpone, Requested, ca, all, Fixed, Postponed),
            new(Received, Refuse, Requested, ca, all, Fixed, Refused),
            new(Received, RecordProvisionalArrest, Requested, caOrFp, extraditions, Unchanged),
            new(Received, RecordExtraditionDecision, Requested, ca, extraditions, FromExtraditionDecision),

            new(InExecution, AskInformation, Requested, caOrFp, all, Fixed, AwaitingInformation),
            new(InExecution, Postpone, Requested, ca, all, Fixed, Postponed),
            // Extradition ends with a surrender, not with outcomes per assistance item.
            new(InExecution, RecordExecution, Requested, caOrFp, mla, FromExecutionOutcomes),
            new(InExecution, Refuse, Requested, ca, all, Fixed, Refused),
            new(InExecution, RecordProvisionalArrest, Requested, caOrFp, extraditions, Unchanged),
            new(InExecution, RecordExtraditionDecision, Requested, ca, extraditions, FromExtraditionDecision),
            new(InExecution, RecordSurrender, Requested, caOrFp, extraditions, Fixed, Executed, RequiresGrantedExtraditionDecision: true),

            new(AwaitingInformation, Refuse, Requested, ca, all, Fixed, Refused),

            new(Postponed, StartExecution, Requested, caOrFp, all, Fixed, InExecution),
            new(Postponed, Refuse, Requested, ca, all, Fixed, Refused),
            new(Postponed, RecordExtraditionDecision, Requested, ca, extraditions, FromExtraditionDecision),
        ];

        // The requesting State's own acts: answering a request for information (the requested State's clock
        // pauses until then) and withdrawing (UNTOC 18(24)). On a request it sent through Mla, its central
        // authority does them. On one the requested State registered, the requesting State sent nothing
        // through Mla and does not act on it there: its answer or withdrawal reaches the requested State
        // the way the request did, and the requested central authority records it.
        rows.AddRange(
        [
            new(AwaitingInformation, ProvideInformation, Requesting, ca, all, Fixed, InExecution, Origin: Drafted),
            new(Transmitted, Withdraw, Requesting, ca, all, Fixed, Withdrawn, Origin: Drafted),
            new(Received, Withdraw, Requesting, ca, all, Fixed, Withdrawn, Origin: Drafted),
            new(InExecution, Withdraw, Requesting, ca, all, Fixed, Withdrawn, Origin: Drafted),
            new(AwaitingInformation, Withdraw, Requesting, ca, all, Fixed, Withdrawn, Origin: Drafted),
            new(Postponed, Withdraw, Requesting, ca, all, Fixed, Withdrawn, Origin: Drafted),

            new(AwaitingInformation, ProvideInformation, Requested, ca, all, Fixed, InExecution, Origin: Registered),
            new(Received, Withdraw, Requested, ca, all, Fixed, Withdrawn, Origin: Registered),
            new(InExecution, Withdraw, Requested, ca, all, Fixed, Withdrawn, Origin: Registered),
            new(AwaitingInformation, Withdraw, Requested, ca, all, Fixed, Withdrawn, Origin: Registered),
            new(Postponed, Withdraw, Requested, ca, all, Fixed, Withdrawn, Origin: Registered),
        ]);

        // Annexes once transmitted: by the case workers who act on the request on either side (central
        // authority and focal point), until the request is final; a final request's record is closed. On a
        // registered request the requesting side does not act, so it adds no annexes either.
        rows.AddRange(
            from status in Enum.GetValues<RequestStatus>()
            where status != Draft && !status.IsFinal()
            from side in Enum.GetValues<PartySide>()
            select new LifecycleRow(status, AddAnnex, side, caOrFp, all, Unchanged, Origin: side == Requesting ? Drafted : null));

        // Follow-up notes: on every status the requested side can see, final ones included, by anyone
        // following the case on either side, whatever the request's origin. Secretariat and admin never
        // touch case content.
        rows.AddRange(
            from status in Enum.GetValues<RequestStatus>()
            where status != Draft
            from side in Enum.GetValues<PartySide>()
            select new LifecycleRow(status, AddNote, side, followers, all, Unchanged));

        return rows;
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

    /// <summary>
    /// Decides an action that creates a request (<see cref="RequestAction.CreateDraft"/>,
    /// <see cref="RequestAction.RegisterIncoming"/>): there is no status yet, and the side is the one the
    /// action puts the user on. Allowed with the new request's status, or denied with
    /// <see cref="DenialReason.RoleNeverAllowed"/> (403). Creation rows hold for every kind of request.
    /// </summary>
    /// <exception cref="ArgumentException">For an action on an existing request: use <see cref="Decide(RequestKind, RequestStatus, RequestAction, Role, PartySide, LifecycleContext)"/>.</exception>
    public static LifecycleDecision DecideCreation(RequestAction action, Role role)
    {
        if (!CreationActions.Contains(action))
        {
            throw new ArgumentException($"{action} acts on an existing request: call Decide with its status.", nameof(action));
        }

        var row = Rows.FirstOrDefault(r => r.From is null && r.Action == action && r.Roles.Contains(role));
        return row is null
            ? LifecycleDecision.Deny(DenialReason.RoleNeverAllowed, [], $"A {role.ToCode()} user may never {action.ToCode()}.")
            : LifecycleDecision.Allow(row.To);
    }

    /// <summary>Decides any action on an existing request whose target does not depend on an outcome.</summary>
    /// <exception cref="ArgumentException">
    /// For RecordExecution and RecordExtraditionDecision: use the overload taking the outcomes or the decision;
    /// for an action that creates a request: use <see cref="DecideCreation"/>.
    /// </exception>
    public static LifecycleDecision Decide(RequestKind kind, RequestStatus status, RequestAction action, Role role, PartySide side, LifecycleContext context)
    {
        if (action is RecordExecution or RecordExtraditionDecision)
        {
            throw new ArgumentException($"The target of {action} depends on its outcome: call the overload that takes it.", nameof(action));
        }

        if (CreationActions.Contains(action))
        {
            throw new ArgumentException($"{action} creates a request: call DecideCreation.", nameof(action));
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
        // central authority trying to withdraw a request sent through Mla is as forbidden (403) as a
        // prosecutor trying to. So is the request's origin: the requesting State never withdraws a request
        // the requested State registered.
        var everPossible = Rows.Where(r => r.Action == action && r.Side == side && r.Roles.Contains(role)).ToList();
        if (everPossible.Count == 0)
        {
            return LifecycleDecision.Deny(
                DenialReason.RoleNeverAllowed,
                allowed,
                $"A {role.ToCode()} user on the {side.ToCode()} side may never {action.ToCode()} a request.");
        }

        everPossible.RemoveAll(r => !r.HoldsFor(context.Origin));
        if (everPossible.Count == 0)
        {
            return LifecycleDecision.Deny(
                DenialReason.RoleNeverAllowed,
                allowed,
                context.Origin == Registered
                    ? $"This request reached the requested State outside Mla and was registered there: the {side.ToCode()} side may not {action.ToCode()} it in Mla."
                    : $"A {role.ToCode()} user on the {side.ToCode()} side may not {action.ToCode()} a request sent through Mla.");
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
