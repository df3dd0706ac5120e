using System.Globalization;
using Mla.Domain.Access;
using Mla.Domain.Lifecycle;
using Mla.Domain.Requests;

namespace Mla.Domain.Tests.Lifecycle;

public sealed class RequestLifecycleTests
{
    // The expected lifecycle, written by hand from the matrix agreed for this product, independently of
    // RequestLifecycle.Rows. Every combination not listed here must be denied.
    // Columns: status ("none": the request does not exist yet, the action creates it), action, side (or
    // "both"; for a creation, the side the action puts the user on), roles (ca = central-authority,
    // fp = focal-point, pr = prosecutor), kinds (all, mla, ext = extradition + provisional-arrest), status
    // after ("-" = the draft is discarded; "by-outcome" = from the outcome given, see WaysToAsk), then
    // "grant" when a granted extradition decision is needed, and "sent" (only on a request drafted and
    // transmitted through Mla) or "registered" (only on one the requested State registered on receipt);
    // a line with neither holds for both origins.
    private const string AllowedTable = """
        none                  create-draft                 requesting  ca        all  draft
        none                  register-incoming            requested   ca        all  received
        draft                 update-draft                 requesting  ca        all  draft                 sent
        draft                 discard-draft                requesting  ca        all  -                     sent
        draft                 transmit                     requesting  ca        all  transmitted           sent
        draft                 add-annex                    requesting  ca        all  draft                 sent
        transmitted           acknowledge-receipt          requested   ca+fp     all  received
        transmitted           withdraw                     requesting  ca        all  withdrawn             sent
        received              start-execution              requested   ca+fp     all  in-execution
        received              ask-information              requested   ca+fp     all  awaiting-information
        received              postpone                     requested   ca        all  postponed
        received              refuse                       requested   ca        all  refused
        received              withdraw                     requesting  ca        all  withdrawn             sent
        received              withdraw                     requested   ca        all  withdrawn             registered
        received              record-provisional-arrest    requested   ca+fp     ext  received
        received              record-extradition-decision  requested   ca        ext  by-outcome
        in-execution          ask-information              requested   ca+fp     all  awaiting-information
        in-execution          postpone                     requested   ca        all  postponed
        in-execution          record-execution             requested   ca+fp     mla  by-outcome
        in-execution          refuse                       requested   ca        all  refused
        in-execution          withdraw                     requesting  ca        all  withdrawn             sent
        in-execution          withdraw                     requested   ca        all  withdrawn             registered
        in-execution          record-provisional-arrest    requested   ca+fp     ext  in-execution
        in-execution          record-extradition-decision  requested   ca        ext  by-outcome
        in-execution          record-surrender             requested   ca+fp     ext  executed              grant
        awaiting-information  provide-information          requesting  ca        all  in-execution          sent
        awaiting-information  provide-information          requested   ca        all  in-execution          registered
        awaiting-information  refuse                       requested   ca        all  refused
        awaiting-information  withdraw                     requesting  ca        all  withdrawn             sent
        awaiting-information  withdraw                     requested   ca        all  withdrawn             registered
        postponed             start-execution              requested   ca+fp     all  in-execution
        postponed             refuse                       requested   ca        all  refused
        postponed             withdraw                     requesting  ca        all  withdrawn             sent
        postponed             withdraw                     requested   ca        all  withdrawn             registered
        postponed             record-extradition-decision  requested   ca        ext  by-outcome
        transmitted           add-annex                    requesting  ca+fp     all  transmitted           sent
        transmitted           add-annex                    requested   ca+fp     all  transmitted
        received              add-annex                    requesting  ca+fp     all  received              sent
        received              add-annex                    requested   ca+fp     all  received
        in-execution          add-annex                    requesting  ca+fp     all  in-execution          sent
        in-execution          add-annex                    requested   ca+fp     all  in-execution
        awaiting-information  add-annex                    requesting  ca+fp     all  awaiting-information  sent
        awaiting-information  add-annex                    requested   ca+fp     all  awaiting-information
        postponed             add-annex                    requesting  ca+fp     all  postponed             sent
        postponed             add-annex                    requested   ca+fp     all  postponed
        transmitted           add-note                     both        ca+fp+pr  all  transmitted
        received              add-note                     both        ca+fp+pr  all  received
        in-execution          add-note                     both        ca+fp+pr  all  in-execution
        awaiting-information  add-note                     both        ca+fp+pr  all  awaiting-information
        postponed             add-note                     both        ca+fp+pr  all  postponed
        executed              add-note                     both        ca+fp+pr  all  executed
        partially-executed    add-note                     both        ca+fp+pr  all  partially-executed
        refused               add-note                     both        ca+fp+pr  all  refused
        withdrawn             add-note                     both        ca+fp+pr  all  withdrawn
        """;

    private static readonly LifecycleContext NoGrant = new(HasGrantedExtraditionDecision: false);

    private static readonly LifecycleContext Registered = new(Origin: RequestOrigin.Registered);

    // Every context a request can be in: with and without a granted decision, for each origin.
    private static readonly IReadOnlyList<LifecycleContext> Contexts =
    [
        .. from origin in Enum.GetValues<RequestOrigin>()
           from granted in new[] { true, false }
           select new LifecycleContext(granted, origin),
    ];

    private static readonly IReadOnlyList<ExecutionOutcome> AllExecuted = [ExecutionOutcome.Executed, ExecutionOutcome.Executed];

    // Status null: the action creates the request. Target null: discarded, or by outcome when ByOutcome.
    // Origin null: requests of either origin.
    private sealed record Expected(
        RequestStatus? Status,
        RequestAction Action,
        PartySide Side,
        Role Role,
        RequestKind Kind,
        RequestStatus? Target,
        bool ByOutcome,
        bool NeedsGrant,
        RequestOrigin? Origin)
    {
        public bool HoldsIn(LifecycleContext context) =>
            (context.HasGrantedExtraditionDecision || !NeedsGrant) && (Origin is null || Origin == context.Origin);
    }

    private static readonly IReadOnlyList<Expected> ExpectedAllowed = ParseTable();

    private static List<Expected> ParseTable()
    {
        var roles = new Dictionary<string, Role>
        {
            ["ca"] = Role.CentralAuthority,
            ["fp"] = Role.FocalPoint,
            ["pr"] = Role.Prosecutor,
        };
        var kinds = new Dictionary<string, RequestKind[]>
        {
            ["all"] = [RequestKind.Mla, RequestKind.Extradition, RequestKind.ProvisionalArrest],
            ["mla"] = [RequestKind.Mla],
            ["ext"] = [RequestKind.Extradition, RequestKind.ProvisionalArrest],
        };
        var result = new List<Expected>();
        foreach (var line in AllowedTable.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            var c = line.Split(' ', StringSplitOptions.RemoveEmptyEntries);
            RequestStatus? status = c[0] == "none" ? null : KebabCode.Parse<RequestStatus>(c[0]);
            PartySide[] sides = c[2] == "both" ? [PartySide.Requesting, PartySide.Requested] : [KebabCode.Parse<PartySide>(c[2])];
            var byOutcome = c[5] == "by-outcome";
            RequestStatus? target = c[5] is "-" or "by-outcome" ? null : KebabCode.Parse<RequestStatus>(c[5]);
            var flags = c.Skip(6).ToList();
            var needsGrant = flags.Contains("grant");
            RequestOrigin? origin = flags.Contains("sent") ? RequestOrigin.Drafted : flags.Contains("registered") ? RequestOrigin.Registered : null;
            result.AddRange(
                from side in sides
                from role in c[3].Split('+').Select(r => roles[r])
                from kind in kinds[c[4]]
                select new Expected(status, KebabCode.Parse<RequestAction>(c[1]), side, role, kind, target, byOutcome, needsGrant, origin));
        }

        return result;
    }

    private static readonly IReadOnlyList<RequestAction> CreationActions =
        [.. ExpectedAllowed.Where(e => e.Status is null).Select(e => e.Action).Distinct()];

    private static readonly IReadOnlyList<RequestAction> ActionsNeedingGrant =
        [.. ExpectedAllowed.Where(e => e.NeedsGrant).Select(e => e.Action).Distinct()];

    /// <summary>
    /// One way of asking the table about an action: the action alone, or, for an action whose target
    /// depends on an outcome, with one outcome. <paramref name="Target"/> is what the outcome leads to when
    /// the table allows the action; null when the outcome cannot be recorded (422).
    /// </summary>
    private sealed record Asking(
        string Label,
        Func<RequestKind, RequestStatus, Role, PartySide, LifecycleContext, LifecycleDecision> Decide,
        bool ByOutcome,
        RequestStatus? Target = null);

    private static IReadOnlyList<Asking> WaysToAsk(RequestAction action)
    {
        static Asking Execution(string label, ExecutionOutcome[] outcomes, RequestStatus? target) =>
            new($" ({label})", (kind, status, role, side, context) => RequestLifecycle.Decide(kind, status, outcomes, role, side, context), true, target);

        static Asking Extradition(ExtraditionDecision decision, RequestStatus target) =>
            new($" ({decision.ToCode()})", (kind, status, role, side, context) => RequestLifecycle.Decide(kind, status, decision, role, side, context), true, target);

        return action switch
        {
            RequestAction.RecordExecution =>
            [
                Execution("every item executed", [ExecutionOutcome.Executed, ExecutionOutcome.Executed], RequestStatus.Executed),
                Execution("one item partly executed", [ExecutionOutcome.Executed, ExecutionOutcome.PartiallyExecuted], RequestStatus.PartiallyExecuted),
                Execution("one item not executed", [ExecutionOutcome.NotExecuted, ExecutionOutcome.Executed], RequestStatus.PartiallyExecuted),
                Execution("no item executed", [ExecutionOutcome.NotExecuted, ExecutionOutcome.NotExecuted], null),
                Execution("no outcome", [], null),
            ],
            RequestAction.RecordExtraditionDecision =>
            [
                Extradition(ExtraditionDecision.Granted, RequestStatus.InExecution),
                Extradition(ExtraditionDecision.PartlyGranted, RequestStatus.InExecution),
                Extradition(ExtraditionDecision.Refused, RequestStatus.Refused),
            ],
            _ => [new("", (kind, status, role, side, context) => RequestLifecycle.Decide(kind, status, action, role, side, context), false)],
        };
    }

    // Every status x action x side x role x kind, for each origin, with a granted extradition decision and,
    // for the actions that need one, without; each outcome-dependent action with each of its outcomes; every creation by
    // every role; and every list of allowed actions. One test, listing every case that differs from the
    // hand-written matrix, so that the suite counts this as one behaviour checked thoroughly.
    [Test]
    public void Lifecycle_EveryCombination_MatchesHandWrittenMatrix()
    {
        var mismatches = new List<string>();
        var cases = 0;

        foreach (var action in CreationActions)
        {
            foreach (var role in Enum.GetValues<Role>())
            {
                cases++;
                var row = ExpectedAllowed.FirstOrDefault(e => e.Status is null && e.Action == action && e.Role == role);
                var expected = row is null
                    ? Denied(DenialReason.RoleNeverAllowed, [])
                    : Allowed(row.Target);
                var actual = Describe(RequestLifecycle.DecideCreation(action, role));
                if (actual != expected)
                {
                    mismatches.Add($"none {action.ToCode()} by {role.ToCode()}: expected {expected}, got {actual}");
                }
            }
        }

        foreach (var status in Enum.GetValues<RequestStatus>())
        {
            foreach (var side in Enum.GetValues<PartySide>())
            {
                foreach (var role in Enum.GetValues<Role>())
                {
                    foreach (var kind in Enum.GetValues<RequestKind>())
                    {
                        foreach (var context in Contexts)
                        {
                            var label = Label(status, side, role, kind, context);
                            var expectedNow = ExpectedAllowedActions(status, side, role, kind, context);
                            cases++;
                            var allowedNow = RequestLifecycle.AllowedActions(kind, status, role, side, context);
                            if (!allowedNow.SequenceEqual(expectedNow))
                            {
                                mismatches.Add($"allowed actions {label}: expected [{Codes(expectedNow)}], got [{Codes(allowedNow)}]");
                            }

                            foreach (var action in Enum.GetValues<RequestAction>().Except(CreationActions))
                            {
                                if (!context.HasGrantedExtraditionDecision && !ActionsNeedingGrant.Contains(action))
                                {
                                    continue;
                                }

                                var row = ExpectedAllowed.SingleOrDefault(e =>
                                    e.Status == status && e.Action == action && e.Side == side && e.Role == role && e.Kind == kind && e.HoldsIn(context));
                                // A request's side and origin never change: an action no row offers this role on
                                // this side for this origin is one it may never take on this request (403).
                                var roleEverAllowed = ExpectedAllowed.Any(e =>
                                    e.Status is not null && e.Action == action && e.Side == side && e.Role == role
                                    && (e.Origin is null || e.Origin == context.Origin));
                                foreach (var asking in WaysToAsk(action))
                                {
                                    cases++;
                                    var expected = (row, asking) switch
                                    {
                                        (null, _) => Denied(roleEverAllowed ? DenialReason.NotAllowedNow : DenialReason.RoleNeverAllowed, expectedNow),
                                        ({ ByOutcome: false } fixedRow, { ByOutcome: false }) => Allowed(fixedRow.Target),
                                        ({ ByOutcome: true }, { ByOutcome: true, Target: { } target }) => Allowed(target),
                                        ({ ByOutcome: true }, { ByOutcome: true, Target: null }) => Denied(DenialReason.InvalidOutcome, expectedNow),
                                        _ => "a matrix row whose status after does not fit WaysToAsk",
                                    };
                                    var actual = Describe(asking.Decide(kind, status, role, side, context));
                                    if (actual != expected)
                                    {
                                        mismatches.Add($"{action.ToCode()}{asking.Label} {label}: expected {expected}, got {actual}");
                                    }
                                }
                            }
                        }
                    }
                }
            }
        }

        TestContext.Out.WriteLine(string.Create(CultureInfo.InvariantCulture, $"{cases} cases checked against the hand-written matrix."));
        Assert.That(mismatches, Is.Empty, () => string.Create(CultureInfo.InvariantCulture,
            $"{mismatches.Count} of {cases} cases differ from the hand-written matrix:{Environment.NewLine}")
            + string.Join(Environment.NewLine, mismatches.Take(200))
            + (mismatches.Count > 200 ? $"{Environment.NewLine}... and {mismatches.Count - 200} more" : ""));
    }

    private static string Label(RequestStatus status, PartySide side, Role role, RequestKind kind, LifecycleContext context) =>
        $"on {status.ToCode()} {context.Origin.ToCode()} {kind.ToCode()} by {side.ToCode()} {role.ToCode()}{(context.HasGrantedExtraditionDecision ? "" : " without granted decision")}";

    private static List<RequestAction> ExpectedAllowedActions(RequestStatus status, PartySide side, Role role, RequestKind kind, LifecycleContext context) =>
    [
        .. ExpectedAllowed
            .Where(e => e.Status == status && e.Side == side && e.Role == role && e.Kind == kind && e.HoldsIn(context))
            .Select(e => e.Action)
            .Distinct()
            .Order(),
    ];

    private static string Allowed(RequestStatus? target) => $"allowed, then {target?.ToCode() ?? "discarded"}";

    private static string Denied(DenialReason reason, IEnumerable<RequestAction> allowedNow) => $"{reason.ToCode()}, allowed now [{Codes(allowedNow)}]";

    private static string Describe(LifecycleDecision decision)
    {
        if (decision.IsAllowed)
        {
            return decision.Denial is null && decision.Message is null && decision.AllowedActions.Count == 0
                ? Allowed(decision.TargetStatus)
                : $"allowed but with denial {decision.Denial}, message {decision.Message}, allowed now [{Codes(decision.AllowedActions)}]";
        }

        var described = decision.Denial is { } reason ? Denied(reason, decision.AllowedActions) : "denied without a reason";
        return string.IsNullOrWhiteSpace(decision.Message) || decision.TargetStatus is not null
            ? $"{described}, but without a message or with a target status"
            : described;
    }

    private static string Codes(IEnumerable<RequestAction> actions) => string.Join(", ", actions.Select(a => a.ToCode()));

    [Test]
    public void Rows_ComparedWithHandWrittenMatrix_SameAllowedCombinations()
    {
        var fromRows = RequestLifecycle.Rows
            .SelectMany(r => r.Roles.SelectMany(role => r.Kinds.Select(kind => (r.From, r.Action, r.Side, role, kind, r.RequiresGrantedExtraditionDecision, r.Origin))))
            .ToList();
        var expected = ExpectedAllowed.Select(e => (e.Status, e.Action, e.Side, e.Role, e.Kind, e.NeedsGrant, e.Origin));

        Assert.That(fromRows, Is.EquivalentTo(expected));
    }

    [Test]
    public void Rows_FinalStatuses_AllowOnlyAddNote()
    {
        var actions = RequestLifecycle.Rows.Where(r => r.From is { } from && from.IsFinal()).Select(r => r.Action).Distinct();

        Assert.That(actions, Is.EqualTo(new[] { RequestAction.AddNote }));
    }

    [Test]
    public void Rows_FixedTarget_AlwaysNamesTheStatus()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var row in RequestLifecycle.Rows)
            {
                Assert.That(row.To.HasValue, Is.EqualTo(row.Target == TargetRule.Fixed), row.ToString());
            }
        }
    }

    [Test]
    public void AllowedActions_RequestedCentralAuthorityOnReceivedExtradition_ListedInActionOrder()
    {
        var actions = RequestLifecycle.AllowedActions(
            RequestKind.Extradition, RequestStatus.Received, Role.CentralAuthority, PartySide.Requested, NoGrant);

        Assert.That(actions, Is.EqualTo(new[]
        {
            RequestAction.StartExecution,
            RequestAction.AskInformation,
            RequestAction.Postpone,
            RequestAction.Refuse,
            RequestAction.RecordProvisionalArrest,
            RequestAction.RecordExtraditionDecision,
            RequestAction.AddAnnex,
            RequestAction.AddNote,
        }));
    }

    [Test]
    public void Decide_FocalPointRefuses_RoleNeverAllowed()
    {
        var decision = RequestLifecycle.Decide(
            RequestKind.Mla, RequestStatus.Received, RequestAction.Refuse, Role.FocalPoint, PartySide.Requested, NoGrant);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.Denial, Is.EqualTo(DenialReason.RoleNeverAllowed));
            Assert.That(decision.AllowedActions, Does.Contain(RequestAction.StartExecution));
        }
    }

    [Test]
    public void Decide_TransmitAlreadyTransmitted_NotAllowedNowWithAllowedActions()
    {
        var decision = RequestLifecycle.Decide(
            RequestKind.Mla, RequestStatus.Transmitted, RequestAction.Transmit, Role.CentralAuthority, PartySide.Requesting, NoGrant);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.Denial, Is.EqualTo(DenialReason.NotAllowedNow));
            Assert.That(decision.AllowedActions, Is.EqualTo(new[] { RequestAction.Withdraw, RequestAction.AddAnnex, RequestAction.AddNote }));
            Assert.That(decision.Message, Does.Contain("transmitted"));
        }
    }

    [Test]
    public void Decide_RecordExecutionOnExtradition_NotAllowedNowNamingTheKind()
    {
        var decision = RequestLifecycle.Decide(
            RequestKind.Extradition, RequestStatus.InExecution, AllExecuted, Role.CentralAuthority, PartySide.Requested, NoGrant);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.Denial, Is.EqualTo(DenialReason.NotAllowedNow));
            Assert.That(decision.Message, Does.Contain("extradition"));
        }
    }

    [Test]
    public void Decide_SurrenderWithoutGrantedDecision_NotAllowedNowExplainingWhy()
    {
        var decision = RequestLifecycle.Decide(
            RequestKind.Extradition, RequestStatus.InExecution, RequestAction.RecordSurrender, Role.CentralAuthority, PartySide.Requested, NoGrant);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.Denial, Is.EqualTo(DenialReason.NotAllowedNow));
            Assert.That(decision.Message, Does.Contain("granted"));
        }
    }

    [Test]
    public void Decide_RecordExecutionNothingExecuted_InvalidOutcome()
    {
        var decision = RequestLifecycle.Decide(
            RequestKind.Mla, RequestStatus.InExecution, [ExecutionOutcome.NotExecuted], Role.CentralAuthority, PartySide.Requested, NoGrant);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.IsAllowed, Is.False);
            Assert.That(decision.Denial, Is.EqualTo(DenialReason.InvalidOutcome));
            Assert.That(decision.Message, Does.Contain("refuse"));
        }
    }

    [TestCase(RequestAction.RecordExecution)]
    [TestCase(RequestAction.RecordExtraditionDecision)]
    public void Decide_OutcomeDependentActionWithoutOutcome_Throws(RequestAction action)
    {
        Assert.That(
            () => RequestLifecycle.Decide(RequestKind.Mla, RequestStatus.InExecution, action, Role.CentralAuthority, PartySide.Requested, NoGrant),
            Throws.ArgumentException);
    }

    [Test]
    public void Decide_AddAnnexOnFinalRequest_NotAllowedNowLeavingOnlyNotes()
    {
        var decision = RequestLifecycle.Decide(
            RequestKind.Mla, RequestStatus.Executed, RequestAction.AddAnnex, Role.FocalPoint, PartySide.Requested, NoGrant);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.Denial, Is.EqualTo(DenialReason.NotAllowedNow));
            Assert.That(decision.AllowedActions, Is.EqualTo(new[] { RequestAction.AddNote }));
            Assert.That(decision.Message, Does.Contain("add-annex").And.Contain("executed"));
        }
    }

    [Test]
    public void AllowedActions_RequestingCentralAuthorityOnRegisteredRequest_OnlyNotes()
    {
        var actions = RequestLifecycle.AllowedActions(
            RequestKind.Mla, RequestStatus.AwaitingInformation, Role.CentralAuthority, PartySide.Requesting, Registered);

        Assert.That(actions, Is.EqualTo(new[] { RequestAction.AddNote }));
    }

    [Test]
    public void Decide_RequestingCentralAuthorityWithdrawsRegisteredRequest_RoleNeverAllowedSayingItWasRegistered()
    {
        var decision = RequestLifecycle.Decide(
            RequestKind.Mla, RequestStatus.Received, RequestAction.Withdraw, Role.CentralAuthority, PartySide.Requesting, Registered);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.Denial, Is.EqualTo(DenialReason.RoleNeverAllowed));
            Assert.That(decision.AllowedActions, Is.EqualTo(new[] { RequestAction.AddNote }));
            Assert.That(decision.Message, Does.Contain("registered").And.Contain("withdraw"));
        }
    }

    [Test]
    public void Decide_RequestedCentralAuthorityWithdrawsRequestSentThroughMla_RoleNeverAllowed()
    {
        var decision = RequestLifecycle.Decide(
            RequestKind.Mla, RequestStatus.Received, RequestAction.Withdraw, Role.CentralAuthority, PartySide.Requested, NoGrant);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.Denial, Is.EqualTo(DenialReason.RoleNeverAllowed));
            Assert.That(decision.Message, Does.Contain("sent through Mla"));
        }
    }

    [Test]
    public void AllowedActions_RequestedCentralAuthorityOnRegisteredRequestAwaitingInformation_RecordsTheAnswerAndTheWithdrawal()
    {
        var actions = RequestLifecycle.AllowedActions(
            RequestKind.Mla, RequestStatus.AwaitingInformation, Role.CentralAuthority, PartySide.Requested, Registered);

        Assert.That(actions, Is.EqualTo(new[]
        {
            RequestAction.ProvideInformation, RequestAction.Refuse, RequestAction.Withdraw, RequestAction.AddAnnex, RequestAction.AddNote,
        }));
    }

    [Test]
    public void DecideCreation_FocalPointDrafts_RoleNeverAllowedNamingRoleAndAction()
    {
        var decision = RequestLifecycle.DecideCreation(RequestAction.CreateDraft, Role.FocalPoint);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.Denial, Is.EqualTo(DenialReason.RoleNeverAllowed));
            Assert.That(decision.AllowedActions, Is.Empty);
            Assert.That(decision.Message, Does.Contain("focal-point").And.Contain("create-draft"));
        }
    }

    [Test]
    public void DecideCreation_ActionOnAnExistingRequest_Throws()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var action in Enum.GetValues<RequestAction>().Except(CreationActions))
            {
                Assert.That(() => RequestLifecycle.DecideCreation(action, Role.CentralAuthority), Throws.ArgumentException, action.ToCode());
            }
        }
    }

    [Test]
    public void Decide_ActionThatCreatesARequest_Throws()
    {
        using (Assert.EnterMultipleScope())
        {
            foreach (var action in CreationActions)
            {
                Assert.That(
                    () => RequestLifecycle.Decide(RequestKind.Mla, RequestStatus.Draft, action, Role.CentralAuthority, PartySide.Requesting, NoGrant),
                    Throws.ArgumentException,
                    action.ToCode());
            }
        }
    }

    // DecideCreation takes no kind: that is only right while every creation row holds for every kind.
    [Test]
    public void Rows_Creation_HoldForEveryKind()
    {
        var creationRows = RequestLifecycle.Rows.Where(r => r.From is null).ToList();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(creationRows, Has.Count.EqualTo(CreationActions.Count));
            foreach (var row in creationRows)
            {
                Assert.That(row.Kinds, Is.EquivalentTo(Enum.GetValues<RequestKind>()), row.ToString());
            }
        }
    }

    // Declaration order is display order (allowedActions) and the codes are the API's: a change here is a
    // change clients see.
    [Test]
    public void RequestAction_Codes_InDisplayOrder()
    {
        Assert.That(KebabCode.AllCodes<RequestAction>(), Is.EqualTo(new[]
        {
            "create-draft", "update-draft", "discard-draft", "transmit", "register-incoming", "acknowledge-receipt",
            "start-execution", "ask-information", "provide-information", "postpone", "record-execution", "refuse",
            "withdraw", "record-provisional-arrest", "record-extradition-decision", "record-surrender", "add-annex",
            "add-note",
        }));
    }
}
