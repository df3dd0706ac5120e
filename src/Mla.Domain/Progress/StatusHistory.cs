using Mla.Domain.Requests;

namespace Mla.Domain.Progress;

// One entry of a request's status history: the status it entered on a day (in the world, as the
// timeline's OccurredOn says).
public readonly record struct StatusChange(DateOnly OccurredOn, RequestStatus Status);

// A request's status history, the one place that knows which days count as "pending".
// The requested State's clock pauses while it waits for information from the requesting State
// (AwaitingInformation) and while execution is postponed (Postponed, UNTOC 18(25)); DOMAIN.md asks
// that delays and daysPending leave those days out. Deadlines (issue 10) and plenary delays (issue 11)
// both count days through ActiveDaysBetween, so the two can never disagree.
public sealed class StatusHistory
{
    private readonly StatusChange[] _changes;

    // Changes in timeline order; events that do not change the status (notes, annexes) may be left out
    // or included: a change to the status already in force changes nothing.
    public StatusHistory(IEnumerable<StatusChange> changes)
    {
        ArgumentNullException.ThrowIfNull(changes);
        _changes = [.. changes];
    }

    public IReadOnlyList<StatusChange> Changes => _changes;

    public static bool PausesTheClock(RequestStatus status) =>
        status is RequestStatus.AwaitingInformation or RequestStatus.Postponed;

    // The first day the request entered one of the given statuses, or null.
    public DateOnly? FirstEntered(params RequestStatus[] statuses)
    {
        foreach (var change in _changes)
        {
            if (statuses.Contains(change.Status))
            {
                return change.OccurredOn;
            }
        }

        return null;
    }

    // Whole days from `from` to `to` (exclusive of `from`, inclusive of `to`, so a request transmitted
    // on 1 March and received on 3 March took 2 days), minus the days the request spent in a status that
    // pauses the clock. A pause counts from the day the status was entered to the day it was left.
    // Returns 0 when `to` is not after `from`.
    public int ActiveDaysBetween(DateOnly from, DateOnly to)
    {
        if (to <= from)
        {
            return 0;
        }

        var total = to.DayNumber - from.DayNumber;
        DateOnly? pausedSince = null;
        foreach (var change in _changes)
        {
            var paused = PausesTheClock(change.Status);
            if (paused && pausedSince is null)
            {
                pausedSince = change.OccurredOn;
            }
            else if (!paused && pausedSince is { } start)
            {
                total -= Overlap(start, change.OccurredOn, from, to);
                pausedSince = null;
            }
        }

        if (pausedSince is { } openStart)
        {
            total -= Overlap(openStart, to, from, to);
        }

        return Math.Max(0, total);
    }

    private static int Overlap(DateOnly start, DateOnly end, DateOnly from, DateOnly to)
    {
        var overlapStart = start > from ? start : from;
        var overlapEnd = end < to ? end : to;
        return Math.Max(0, overlapEnd.DayNumber - overlapStart.DayNumber);
    }
}
