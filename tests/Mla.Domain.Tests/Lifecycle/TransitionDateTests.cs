using Mla.Domain.Lifecycle;

namespace Mla.Domain.Tests.Lifecycle;

public sealed class TransitionDateTests
{
    private static readonly DateOnly Today = new(2025, 6, 15);

    [TestCase("2025-06-15", null)]
    [TestCase("2025-06-14", null)]
    [TestCase("2020-01-01", null)]
    [TestCase("2025-06-15", "2025-06-15")]
    [TestCase("2025-06-10", "2025-06-09")]
    public void Check_TodayOrEarlierAndNotBeforePrevious_NoError(string occurredOn, string? previous)
    {
        Assert.That(TransitionDate.Check(DateOnly.Parse(occurredOn, null), Today, Parse(previous)), Is.Null);
    }

    [TestCase(null)]
    [TestCase("2025-06-01")]
    public void Check_Tomorrow_FutureError(string? previous)
    {
        var error = TransitionDate.Check(Today.AddDays(1), Today, Parse(previous));

        Assert.That(error, Does.Contain("future").And.Contain("2025-06-16"));
    }

    [Test]
    public void Check_BeforePreviousEvent_OrderError()
    {
        var error = TransitionDate.Check(new DateOnly(2025, 6, 1), Today, new DateOnly(2025, 6, 2));

        Assert.That(error, Does.Contain("before the previous event").And.Contain("2025-06-02"));
    }

    [Test]
    [SetCulture("ar-SA")]
    public void Check_ArabicCulture_DatesStillIso()
    {
        Assert.That(TransitionDate.Check(Today.AddDays(1), Today, null), Does.Contain("2025-06-16"));
    }

    private static DateOnly? Parse(string? date) => date is null ? null : DateOnly.Parse(date, null);
}
