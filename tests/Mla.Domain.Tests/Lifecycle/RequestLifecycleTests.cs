using Mla.Domain.Access;
using Mla.Domain.Lifecycle;
using Mla.Domain.Requests;

namespace Mla.Domain.Tests.Lifecycle;

public sealed class RequestLifecycleTests
{
    // The expected lifecycle, written by hand from the matrix agreed for this product, independently of
    // RequestLifecycle.Rows. Every combination not listed here must be denied.
    // Columns: status, action, side (or "both"), roles (ca = central-authority, fp = focal-point,
    // pr = prosecutor), kinds (all, mla, ext = extradition + provisional-arrest), status after
    // ("-" = the draft is discarded; for record-execution with every item executed, and for
    // record-extradition-decision granted), and "grant" when a granted extradition decision is needed.
    private const string AllowedTable = """
        draft                 update-draft                 requesting  ca        all  draft
        draft                 discard-draft                requesting  ca        all  -
        draft                 transmit                     requesting  ca        all  transmitted
        transmitted           acknowledge-receipt          requested   ca+fp     all  received
        transmitted           withdraw                     requesting  ca        all  withdrawn
        received              start-execution              requested   ca+fp     all  in-execution
        received              ask-information              requested   ca+fp     all  awaiting-information
        received              postpone                     requested   ca        all  postponed
        received              refuse                       requested   ca        all  refused
        received              withdraw                     requesting  ca        all  withdrawn
        received              record-provisional-arrest    requested   ca+fp     ext  received
        received              record-extradition-decision  requested   ca        ext  in-execution
        in-execution          ask-information              requested   ca+fp     all  awaiting-information
        in-execution          postpone                     requested   ca        all  postponed
        in-execution          record-execution             requested   ca+fp     mla  executed
        in-execution          refuse                       requested   ca        all  refused
        in-execution          withdraw                     requesting  ca        all  withdrawn
        in-execution          record-provisional-arrest    requested   ca+fp     ext  in-execution
        in-execution          record-extradition-decision  requested   ca        ext  in-execution
        in-execution          record-surrender             requested   ca+fp     ext  executed  grant
        awaiting-information  provide-information          requesting  ca        all  in-execution
        awaiting-information  refuse                       requested   ca        all  refused
        awaiting-information  withdraw                     requesting  ca        all  withdrawn
        postponed             start-execution              requested   ca+fp     all  in-execution
        postponed             refuse                       requested   ca        all  refused
        postponed             withdraw                     requesting  ca        all  withdrawn
        postponed             record-extradition-decision  requested   ca        ext  in-execution
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

    private static readonly LifecycleContext Granted = new(HasGrantedExtraditionDecision: true);

    private static readonly IReadOnlyList<ExecutionOutcome> AllExecuted = [ExecutionOutcome.Executed, ExecutionOutcome.Executed];

    private sealed record Expected(
        RequestStatus Status,
        RequestAction Action,
        PartySide Side,
        Role Role,
        RequestKind Kind,
        RequestStatus? Target,
        bool NeedsGrant);

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
            PartySide[] sides = c[2] == "both" ? [PartySide.Requesting, PartySide.Requested] : [KebabCode.Parse<PartySide>(c[2])];
            RequestStatus? target = c[5] == "-" ? null : KebabCode.Parse<RequestStatus>(c[5]);
            var needsGrant = c.Length > 6 && c[6] == "grant";
            result.AddRange(
                from side in sides
                from role in c[3].Split('+').Select(r => roles[r])
                from kind in kinds[c[4]]
                select new Expected(KebabCode.Parse<RequestStatus>(c[0]), KebabCode.Parse<RequestAction>(c[1]), side, role, kind, target, needsGrant));
        }

        return result;
    }

    // Every (status, action, role, side, kind): 4 500 cases with a granted extradition decision, plus every
    // record-surrender case again without one.
    private static IEnumerable<TestCaseData> AllCombinations()
    {
        foreach (var granted in new[] { true, false })
        {
            foreach (var status in Enum.GetValues<RequestStatus>())
            {
                foreach (var action in Enum.GetValues<RequestAction>())
                {
                    if (!granted && action != RequestAction.RecordSurrender)
                    {
                        continue;
                    }

                    foreach (var role in Enum.GetValues<Role>())
                    {
                        foreach (var side in Enum.GetValues<PartySide>())
                        {
                            foreach (var kind in Enum.GetValues<RequestKind>())
                            {
                                var expected = ExpectedAllowed.SingleOrDefault(e =>
                                    e.Status == status && e.Action == action && e.Role == role && e.Side == side && e.Kind == kind
                                    && (granted || !e.NeedsGrant));
                                var grant = granted ? "WithGrant" : "WithoutGrant";
                                yield return new TestCaseData(status, action, role, side, kind, granted)
                                    .SetName($"Decide_{status}{action}{role}{side}{kind}{grant}_{(expected is null ? "Denied" : "Allowed")}");
                            }
                        }
                    }
                }
            }
        }
    }

    [TestCaseSource(nameof(AllCombinations))]
    public void Decide_EveryCombination_MatchesHandWrittenMatrix(
        RequestStatus status, RequestAction action, Role role, PartySide side, RequestKind kind, bool granted)
    {
        var context = new LifecycleContext(granted);
        var expected = ExpectedAllowed.SingleOrDefault(e =>
            e.Status == status && e.Action == action && e.Role == role && e.Side == side && e.Kind == kind
            && (granted || !e.NeedsGrant));
        var roleEverAllowed = ExpectedAllowed.Any(e => e.Action == action && e.Role == role && e.Side == side);

        var decision = Decide(kind, status, action, role, side, context);
        var allowedNow = RequestLifecycle.AllowedActions(kind, status, role, side, context);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.IsAllowed, Is.EqualTo(expected is not null));
            Assert.That(allowedNow.Contains(action), Is.EqualTo(expected is not null));
            if (expected is not null)
            {
                Assert.That(decision.TargetStatus, Is.EqualTo(expected.Target));
                Assert.That(decision.Denial, Is.Null);
            }
            else
            {
                Assert.That(decision.Denial, Is.EqualTo(roleEverAllowed ? DenialReason.NotAllowedNow : DenialReason.RoleNeverAllowed));
                Assert.That(decision.AllowedActions, Is.EqualTo(allowedNow));
                Assert.That(decision.Message, Is.Not.Empty);
            }
        }
    }

    // The outcome-dependent actions go through their overloads with the input the table's target assumes.
    private static LifecycleDecision Decide(RequestKind kind, RequestStatus status, RequestAction action, Role role, PartySide side, LifecycleContext context)
        => action switch
        {
            RequestAction.RecordExecution => RequestLifecycle.Decide(kind, status, AllExecuted, role, side, context),
            RequestAction.RecordExtraditionDecision => RequestLifecycle.Decide(kind, status, ExtraditionDecision.Granted, role, side, context),
            _ => RequestLifecycle.Decide(kind, status, action, role, side, context),
        };

    [Test]
    public void Rows_ComparedWithHandWrittenMatrix_SameAllowedCombinations()
    {
        var fromRows = RequestLifecycle.Rows
            .SelectMany(r => r.Roles.SelectMany(role => r.Kinds.Select(kind => (r.From, r.Action, r.Side, role, kind))))
            .ToList();
        var expected = ExpectedAllowed.Select(e => (e.Status, e.Action, e.Side, e.Role, e.Kind));

        Assert.That(fromRows, Is.EquivalentTo(expected));
    }

    [Test]
    public void Rows_FinalStatuses_AllowOnlyAddNote()
    {
        var actions = RequestLifecycle.Rows.Where(r => r.From.IsFinal()).Select(r => r.Action).Distinct();

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
            RequestKind.Extradition, RequestStatus.Received, Role.CentralAuthority, PartySide.Requested, LifecycleContext.None);

        Assert.That(actions, Is.EqualTo(new[]
        {
            RequestAction.StartExecution,
            RequestAction.AskInformation,
            RequestAction.Postpone,
            RequestAction.Refuse,
            RequestAction.RecordProvisionalArrest,
            RequestAction.RecordExtraditionDecision,
            RequestAction.AddNote,
        }));
    }

    [Test]
    public void AllowedActions_RequestedSideOnDraft_Empty()
    {
        var actions = RequestLifecycle.AllowedActions(
            RequestKind.Mla, RequestStatus.Draft, Role.CentralAuthority, PartySide.Requested, LifecycleContext.None);

        Assert.That(actions, Is.Empty);
    }

    [Test]
    public void AllowedActions_SurrenderWithoutGrantedDecision_NotListed()
    {
        var actions = RequestLifecycle.AllowedActions(
            RequestKind.Extradition, RequestStatus.InExecution, Role.FocalPoint, PartySide.Requested, LifecycleContext.None);

        Assert.That(actions, Does.Not.Contain(RequestAction.RecordSurrender));
    }

    [Test]
    public void Decide_DiscardDraft_AllowedWithoutTargetStatus()
    {
        var decision = RequestLifecycle.Decide(
            RequestKind.Mla, RequestStatus.Draft, RequestAction.DiscardDraft, Role.CentralAuthority, PartySide.Requesting, LifecycleContext.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.IsAllowed, Is.True);
            Assert.That(decision.TargetStatus, Is.Null);
        }
    }

    [Test]
    public void Decide_FocalPointRefuses_RoleNeverAllowed()
    {
        var decision = RequestLifecycle.Decide(
            RequestKind.Mla, RequestStatus.Received, RequestAction.Refuse, Role.FocalPoint, PartySide.Requested, LifecycleContext.None);

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
            RequestKind.Mla, RequestStatus.Transmitted, RequestAction.Transmit, Role.CentralAuthority, PartySide.Requesting, LifecycleContext.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.Denial, Is.EqualTo(DenialReason.NotAllowedNow));
            Assert.That(decision.AllowedActions, Is.EqualTo(new[] { RequestAction.Withdraw, RequestAction.AddNote }));
            Assert.That(decision.Message, Does.Contain("transmitted"));
        }
    }

    [Test]
    public void Decide_RecordExecutionOnExtradition_NotAllowedNowNamingTheKind()
    {
        var decision = RequestLifecycle.Decide(
            RequestKind.Extradition, RequestStatus.InExecution, AllExecuted, Role.CentralAuthority, PartySide.Requested, LifecycleContext.None);

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
            RequestKind.Extradition, RequestStatus.InExecution, RequestAction.RecordSurrender, Role.CentralAuthority, PartySide.Requested, LifecycleContext.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.Denial, Is.EqualTo(DenialReason.NotAllowedNow));
            Assert.That(decision.Message, Does.Contain("granted"));
        }
    }

    [TestCase(ExecutionOutcome.Executed, ExecutionOutcome.Executed, RequestStatus.Executed)]
    [TestCase(ExecutionOutcome.Executed, ExecutionOutcome.NotExecuted, RequestStatus.PartiallyExecuted)]
    [TestCase(ExecutionOutcome.PartiallyExecuted, ExecutionOutcome.PartiallyExecuted, RequestStatus.PartiallyExecuted)]
    public void Decide_RecordExecutionWithOutcomes_TargetFromOutcomes(ExecutionOutcome first, ExecutionOutcome second, RequestStatus expected)
    {
        var decision = RequestLifecycle.Decide(
            RequestKind.Mla, RequestStatus.InExecution, [first, second], Role.FocalPoint, PartySide.Requested, LifecycleContext.None);

        Assert.That(decision.TargetStatus, Is.EqualTo(expected));
    }

    [Test]
    public void Decide_RecordExecutionNothingExecuted_InvalidOutcome()
    {
        var decision = RequestLifecycle.Decide(
            RequestKind.Mla, RequestStatus.InExecution, [ExecutionOutcome.NotExecuted], Role.CentralAuthority, PartySide.Requested, LifecycleContext.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(decision.IsAllowed, Is.False);
            Assert.That(decision.Denial, Is.EqualTo(DenialReason.InvalidOutcome));
            Assert.That(decision.Message, Does.Contain("refuse"));
        }
    }

    [Test]
    public void Decide_RecordExecutionNoOutcome_InvalidOutcome()
    {
        var decision = RequestLifecycle.Decide(
            RequestKind.Mla, RequestStatus.InExecution, [], Role.CentralAuthority, PartySide.Requested, LifecycleContext.None);

        Assert.That(decision.Denial, Is.EqualTo(DenialReason.InvalidOutcome));
    }

    [Test]
    public void Decide_ProsecutorRecordsNothingExecuted_RoleNeverAllowedBeforeOutcomeIsJudged()
    {
        var decision = RequestLifecycle.Decide(
            RequestKind.Mla, RequestStatus.InExecution, [ExecutionOutcome.NotExecuted], Role.Prosecutor, PartySide.Requested, LifecycleContext.None);

        Assert.That(decision.Denial, Is.EqualTo(DenialReason.RoleNeverAllowed));
    }

    [TestCase(RequestStatus.Received, ExtraditionDecision.Granted, RequestStatus.InExecution)]
    [TestCase(RequestStatus.Received, ExtraditionDecision.PartlyGranted, RequestStatus.InExecution)]
    [TestCase(RequestStatus.Received, ExtraditionDecision.Refused, RequestStatus.Refused)]
    [TestCase(RequestStatus.InExecution, ExtraditionDecision.Granted, RequestStatus.InExecution)]
    [TestCase(RequestStatus.InExecution, ExtraditionDecision.Refused, RequestStatus.Refused)]
    [TestCase(RequestStatus.Postponed, ExtraditionDecision.PartlyGranted, RequestStatus.InExecution)]
    [TestCase(RequestStatus.Postponed, ExtraditionDecision.Refused, RequestStatus.Refused)]
    public void Decide_RecordExtraditionDecision_TargetFromDecision(RequestStatus status, ExtraditionDecision extraditionDecision, RequestStatus expected)
    {
        var decision = RequestLifecycle.Decide(
            RequestKind.ProvisionalArrest, status, extraditionDecision, Role.CentralAuthority, PartySide.Requested, LifecycleContext.None);

        Assert.That(decision.TargetStatus, Is.EqualTo(expected));
    }

    [TestCase(RequestAction.RecordExecution)]
    [TestCase(RequestAction.RecordExtraditionDecision)]
    public void Decide_OutcomeDependentActionWithoutOutcome_Throws(RequestAction action)
    {
        Assert.That(
            () => RequestLifecycle.Decide(RequestKind.Mla, RequestStatus.InExecution, action, Role.CentralAuthority, PartySide.Requested, LifecycleContext.None),
            Throws.ArgumentException);
    }

    [Test]
    public void Decide_GrantedContextOnSurrender_Executed()
    {
        var decision = RequestLifecycle.Decide(
            RequestKind.Extradition, RequestStatus.InExecution, RequestAction.RecordSurrender, Role.FocalPoint, PartySide.Requested, Granted);

        Assert.That(decision.TargetStatus, Is.EqualTo(RequestStatus.Executed));
    }
}
