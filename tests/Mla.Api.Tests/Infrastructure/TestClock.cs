namespace Mla.Api.Tests.Infrastructure;

/// <summary>The real clock, which a test may move forward (e.g. past a lockout) and which is reset between tests.</summary>
public sealed class TestClock : TimeProvider
{
    private TimeSpan _offset;

    public override DateTimeOffset GetUtcNow() => System.GetUtcNow() + _offset;

    public void Advance(TimeSpan by) => _offset += by;

    /// <summary>Moves the clock forward to <paramref name="moment"/> (a given hour of a given day), never back.</summary>
    public void AdvanceTo(DateTimeOffset moment)
    {
        var by = moment - GetUtcNow();
        if (by < TimeSpan.Zero)
        {
            throw new ArgumentOutOfRangeException(nameof(moment), moment, "The test clock only moves forward.");
        }

        _offset += by;
    }

    public void Reset() => _offset = TimeSpan.Zero;
}
