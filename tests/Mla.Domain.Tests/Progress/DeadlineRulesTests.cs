using Mla.Domain.Progress;
using Mla.Domain.Requests;

namespace Mla.Domain.Tests.Progress;

public sealed class DeadlineRulesTests
{
    private static readonly DateOnly March1 = new(2026, 3, 1);
    private static readonly DeadlineFigures Figures = new(ReceiptDays: 30, StatusUpdateDays: 60, ProvisionalArrestDays: 40);

    private static RequestSchedule Schedule(RequestStatus status, StatusChange[] history, Func<ScheduleInput, ScheduleInput>? with = null)
    {
        var input = new ScheduleInput
        {
            Kind = RequestKind.Mla,
            Status = status,
            TransmittedOn = March1,
            History = new StatusHistory(history),
        };
        return DeadlineRules.Schedule(with is null ? input : with(input), Figures);
    }

    [Test]
    public void Receipt_OnItsDueDay_NotOverdue_TheDayAfter_Overdue()
    {
        var schedule = Schedule(RequestStatus.Transmitted, [new(March1, RequestStatus.Transmitted)]);

        Assert.That(schedule.Deadlines(March1.AddDays(30)), Is.EqualTo(new[] { new Deadline(DeadlineKind.Receipt, March1.AddDays(30), false) }));
        Assert.That(schedule.Deadlines(March1.AddDays(31)), Is.EqualTo(new[] { new Deadline(DeadlineKind.Receipt, March1.AddDays(30), true) }));
    }

    [Test]
    public void Receipt_OnceReceived_EndsAndTheStatusUpdateRunsFromTheReceipt()
    {
        var schedule = Schedule(RequestStatus.Received, [new(March1, RequestStatus.Transmitted), new(March1.AddDays(5), RequestStatus.Received)]);

        Assert.That(schedule.ReceiptDue, Is.Null);
        Assert.That(schedule.Deadlines(March1.AddDays(65)), Is.EqualTo(new[] { new Deadline(DeadlineKind.StatusUpdate, March1.AddDays(65), false) }));
        Assert.That(schedule.Deadlines(March1.AddDays(66)).Single().Overdue, Is.True);
    }

    [Test]
    public void StatusUpdate_LaterNewsFromTheRequestedSide_RestartsTheClock()
    {
        var schedule = Schedule(
            RequestStatus.InExecution,
            [new(March1, RequestStatus.Transmitted), new(March1.AddDays(5), RequestStatus.InExecution)],
            input => input with { LastRequestedSideEventOn = March1.AddDays(40) });

        Assert.That(schedule.StatusUpdateDue, Is.EqualTo(March1.AddDays(100)));
    }

    [Test]
    public void StatusUpdate_AnEventThatKeepsTheStatus_IsNotNewsFromTheRequestedSide()
    {
        var schedule = Schedule(RequestStatus.Received,
            [new(March1, RequestStatus.Transmitted), new(March1.AddDays(5), RequestStatus.Received), new(March1.AddDays(20), RequestStatus.Received)]);

        Assert.That(schedule.StatusUpdateDue, Is.EqualTo(March1.AddDays(65)));
    }

    [TestCase(RequestStatus.AwaitingInformation)]
    [TestCase(RequestStatus.Postponed)]
    public void StatusUpdate_WhilePaused_DoesNotRun(RequestStatus paused)
    {
        var schedule = Schedule(paused, [new(March1, RequestStatus.Transmitted), new(March1.AddDays(5), paused)]);

        Assert.That(schedule.StatusUpdateDue, Is.Null);
        Assert.That(schedule.PausedSince, Is.EqualTo(March1.AddDays(5)));
    }

    [Test]
    public void TimeLimit_OnItsDay_NotOverdue_TheDayAfter_Overdue()
    {
        var limit = March1.AddDays(10);
        var schedule = Schedule(RequestStatus.AwaitingInformation,
            [new(March1, RequestStatus.Transmitted), new(March1.AddDays(2), RequestStatus.AwaitingInformation)],
            input => input with { TimeLimit = limit });

        Assert.That(schedule.Deadlines(limit), Is.EqualTo(new[] { new Deadline(DeadlineKind.TimeLimit, limit, false) }));
        Assert.That(schedule.Deadlines(limit.AddDays(1)).Single().Overdue, Is.True);
    }

    [Test]
    public void ProvisionalArrest_ExpiresThePeriodAfterTheArrest_AndEndsWithTheSurrender()
    {
        StatusChange[] history = [new(March1, RequestStatus.Transmitted), new(March1.AddDays(1), RequestStatus.InExecution)];
        var arrested = March1.AddDays(3);

        var running = Schedule(RequestStatus.InExecution, history, input => input with { Kind = RequestKind.ProvisionalArrest, ProvisionalArrestOn = arrested });
        var surrendered = Schedule(RequestStatus.InExecution, history, input => input with { Kind = RequestKind.Extradition, ProvisionalArrestOn = arrested, SurrenderedOn = March1.AddDays(20) });

        Assert.That(running.ProvisionalArrestExpiry, Is.EqualTo(arrested.AddDays(40)));
        Assert.That(running.Deadlines(arrested.AddDays(40)).Single(d => d.Kind == DeadlineKind.ProvisionalArrest).Overdue, Is.False);
        Assert.That(running.Deadlines(arrested.AddDays(41)).Single(d => d.Kind == DeadlineKind.ProvisionalArrest).Overdue, Is.True);
        Assert.That(surrendered.ProvisionalArrestExpiry, Is.Null);
    }

    [Test]
    public void ProvisionalArrest_OnAnMlaRequest_NeverRuns()
    {
        var schedule = Schedule(RequestStatus.InExecution, [new(March1, RequestStatus.InExecution)], input => input with { ProvisionalArrestOn = March1 });

        Assert.That(schedule.ProvisionalArrestExpiry, Is.Null);
    }

    [Test]
    public void Draft_HasNoDeadlineAndNoPendingDays()
    {
        var schedule = Schedule(RequestStatus.Draft, [], input => input with { TransmittedOn = null, TimeLimit = March1 });

        Assert.That(schedule.Deadlines(March1.AddDays(100)), Is.Empty);
        Assert.That(schedule.DaysPending(March1.AddDays(100)), Is.Null);
    }

    [Test]
    public void FinalRequest_HasNoDeadline_AndItsPendingDaysStopWhenItClosed()
    {
        var schedule = Schedule(RequestStatus.Executed,
            [new(March1, RequestStatus.Transmitted), new(March1.AddDays(10), RequestStatus.AwaitingInformation), new(March1.AddDays(15), RequestStatus.InExecution), new(March1.AddDays(40), RequestStatus.Executed)],
            input => input with { ClosedOn = March1.AddDays(40), TimeLimit = March1.AddDays(20) });

        Assert.That(schedule.Deadlines(March1.AddDays(400)), Is.Empty);
        Assert.That(schedule.DaysPending(March1.AddDays(400)), Is.EqualTo(35));
    }

    [Test]
    public void DaysPending_WhileAwaitingInformation_StandsStill()
    {
        var schedule = Schedule(RequestStatus.AwaitingInformation,
            [new(March1, RequestStatus.Transmitted), new(March1.AddDays(4), RequestStatus.Received), new(March1.AddDays(10), RequestStatus.AwaitingInformation)]);

        Assert.That(schedule.DaysPending(March1.AddDays(10)), Is.EqualTo(10));
        Assert.That(schedule.DaysPending(March1.AddDays(25)), Is.EqualTo(10));
    }

    [Test]
    public void DaysPending_AgreesWithStatusHistory_OnEveryDay()
    {
        StatusChange[] changes =
        [
            new(March1, RequestStatus.Transmitted), new(March1.AddDays(3), RequestStatus.Received),
            new(March1.AddDays(6), RequestStatus.AwaitingInformation), new(March1.AddDays(9), RequestStatus.InExecution),
            new(March1.AddDays(12), RequestStatus.Postponed), new(March1.AddDays(20), RequestStatus.InExecution),
        ];
        var history = new StatusHistory(changes);
        var schedule = Schedule(RequestStatus.InExecution, changes);

        for (var day = 20; day < 90; day++)
        {
            Assert.That(schedule.DaysPending(March1.AddDays(day)), Is.EqualTo(history.ActiveDaysBetween(March1, March1.AddDays(day))), $"day {day}");
        }

        Assert.That(schedule.DaysPending(March1.AddDays(20)), Is.EqualTo(9));
    }

    [Test]
    public void NextDue_IsTheEarliestDeadline()
    {
        var schedule = Schedule(RequestStatus.Transmitted, [new(March1, RequestStatus.Transmitted)], input => input with { TimeLimit = March1.AddDays(7) });

        Assert.That(schedule.NextDue, Is.EqualTo(March1.AddDays(7)));
    }
}
