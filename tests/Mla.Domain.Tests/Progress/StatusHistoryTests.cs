using Mla.Domain.Progress;
using Mla.Domain.Requests;

namespace Mla.Domain.Tests.Progress;

public sealed class StatusHistoryTests
{
    private static readonly DateOnly March1 = new(2026, 3, 1);

    [Test]
    public void ActiveDaysBetween_NoPause_CountsCalendarDays()
    {
        var history = new StatusHistory([
            new(March1, RequestStatus.Transmitted),
            new(March1.AddDays(3), RequestStatus.Received),
        ]);

        Assert.That(history.ActiveDaysBetween(March1, March1.AddDays(3)), Is.EqualTo(3));
    }

    [Test]
    public void ActiveDaysBetween_TenDaysAwaitingInformation_LeavesThemOut()
    {
        var history = new StatusHistory([
            new(March1, RequestStatus.Transmitted),
            new(March1.AddDays(5), RequestStatus.InExecution),
            new(March1.AddDays(10), RequestStatus.AwaitingInformation),
            new(March1.AddDays(20), RequestStatus.InExecution),
            new(March1.AddDays(30), RequestStatus.Executed),
        ]);

        Assert.That(history.ActiveDaysBetween(March1, March1.AddDays(30)), Is.EqualTo(20));
    }

    [Test]
    public void ActiveDaysBetween_AwaitingThenPostponed_BothPausesLeftOut()
    {
        var history = new StatusHistory([
            new(March1, RequestStatus.InExecution),
            new(March1.AddDays(2), RequestStatus.AwaitingInformation),
            new(March1.AddDays(4), RequestStatus.InExecution),
            new(March1.AddDays(6), RequestStatus.Postponed),
            new(March1.AddDays(9), RequestStatus.InExecution),
        ]);

        Assert.That(history.ActiveDaysBetween(March1, March1.AddDays(10)), Is.EqualTo(10 - 2 - 3));
    }

    [Test]
    public void ActiveDaysBetween_StillPaused_StopsCountingAtThePause()
    {
        var history = new StatusHistory([
            new(March1, RequestStatus.Transmitted),
            new(March1.AddDays(7), RequestStatus.AwaitingInformation),
        ]);

        Assert.That(history.ActiveDaysBetween(March1, March1.AddDays(40)), Is.EqualTo(7));
    }

    [Test]
    public void ActiveDaysBetween_PauseStartedBeforeTheInterval_CountsOnlyTheOverlap()
    {
        var history = new StatusHistory([
            new(March1, RequestStatus.AwaitingInformation),
            new(March1.AddDays(10), RequestStatus.InExecution),
        ]);

        Assert.That(history.ActiveDaysBetween(March1.AddDays(5), March1.AddDays(15)), Is.EqualTo(5));
    }

    [Test]
    public void ActiveDaysBetween_EndNotAfterStart_IsZero()
    {
        var history = new StatusHistory([new(March1, RequestStatus.Transmitted)]);

        Assert.That(history.ActiveDaysBetween(March1, March1), Is.Zero);
    }

    [Test]
    public void FirstEntered_ReceivedTwice_GivesTheFirstDay()
    {
        var history = new StatusHistory([
            new(March1, RequestStatus.Transmitted),
            new(March1.AddDays(4), RequestStatus.Received),
            new(March1.AddDays(9), RequestStatus.Executed),
        ]);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(history.FirstEntered(RequestStatus.Received), Is.EqualTo(March1.AddDays(4)));
            Assert.That(history.FirstEntered(RequestStatus.Executed, RequestStatus.Refused), Is.EqualTo(March1.AddDays(9)));
            Assert.That(history.FirstEntered(RequestStatus.Withdrawn), Is.Null);
        }
    }
}
