using Mla.Domain.Requests;

namespace Mla.Domain.Progress;

// What a request's deadlines and pending days follow from, as the timeline left them: the due date of
// each deadline that runs now (null when it does not), and the pauses of its clock. Computed by
// DeadlineRules whenever the timeline moves and stored on the request row, so a list filters "overdue"
// with an index and shows the same deadlines as the request itself. Only "today" is left to the reader.
// Not sealed: the API's rows read with their stored schedule derive from it, so its columns are declared once.
public record RequestSchedule
{
    public static RequestSchedule None { get; } = new();

    public DateOnly? TransmittedOn { get; init; }

    // The day the request reached a final status: its pending days stop there.
    public DateOnly? ClosedOn { get; init; }

    public DateOnly? ReceiptDue { get; init; }

    public DateOnly? StatusUpdateDue { get; init; }

    public DateOnly? TimeLimitDue { get; init; }

    public DateOnly? ProvisionalArrestExpiry { get; init; }

    // Days of pauses already over (awaiting information, postponed) since transmission.
    public int PausedDays { get; init; }

    // The day the pause under way began, when the request is paused now.
    public DateOnly? PausedSince { get; init; }

    // The earliest due date of all, for "overdue of any kind" in one indexed comparison.
    public DateOnly? NextDue => new[] { ReceiptDue, StatusUpdateDue, TimeLimitDue, ProvisionalArrestExpiry }.Where(d => d is not null).Min();

    public DateOnly? DueOn(DeadlineKind kind) => kind switch
    {
        DeadlineKind.Receipt => ReceiptDue,
        DeadlineKind.StatusUpdate => StatusUpdateDue,
        DeadlineKind.TimeLimit => TimeLimitDue,
        DeadlineKind.ProvisionalArrest => ProvisionalArrestExpiry,
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };

    // The deadlines that run, earliest first, each overdue once `today` is after it.
    public IReadOnlyList<Deadline> Deadlines(DateOnly today) =>
        [.. Enum.GetValues<DeadlineKind>()
            .Select(kind => (kind, due: DueOn(kind)))
            .Where(d => d.due is not null)
            .Select(d => new Deadline(d.kind, d.due!.Value, today > d.due.Value))
            .OrderBy(d => d.DueOn)];

    // Active days since transmission up to `today` (or the day the request closed), not counting the
    // days awaiting information or postponed; the same figure StatusHistory.ActiveDaysBetween gives.
    // Null while the request has not been transmitted.
    public int? DaysPending(DateOnly today)
    {
        if (TransmittedOn is not { } from)
        {
            return null;
        }

        var end = ClosedOn ?? today;
        if (end <= from)
        {
            return 0;
        }

        var days = end.DayNumber - from.DayNumber - PausedDays;
        if (PausedSince is { } pausedSince && end > pausedSince)
        {
            days -= end.DayNumber - Math.Max(pausedSince.DayNumber, from.DayNumber);
        }

        return Math.Max(0, days);
    }
}

// The figures deadlines are computed with (configuration: DeadlineOptions), the provisional-arrest
// period already chosen for the request's legal bases.
public sealed record DeadlineFigures(int ReceiptDays, int StatusUpdateDays, int ProvisionalArrestDays);

// What DeadlineRules reads of a request: its row and its timeline.
public sealed record ScheduleInput
{
    public required RequestKind Kind { get; init; }

    public required RequestStatus Status { get; init; }

    public DateOnly? TransmittedOn { get; init; }

    public DateOnly? ClosedOn { get; init; }

    public DateOnly? TimeLimit { get; init; }

    public DateOnly? ProvisionalArrestOn { get; init; }

    public DateOnly? SurrenderedOn { get; init; }

    // Every status the request entered, in timeline order (events that keep the status may be included).
    public required StatusHistory History { get; init; }

    // The day of the latest event recorded by a user of the requested State (a note, an arrest, a
    // step), or null: news from the requested side restarts its status-update clock.
    public DateOnly? LastRequestedSideEventOn { get; init; }
}

// The deadline rules, in one place. Which deadline runs when:
// - none before transmission (a draft) and none once the request is final (executed, partially
//   executed, refused, withdrawn): nothing is expected any more;
// - receipt: while Transmitted, due ReceiptDays after transmission; it ends with the receipt;
// - status update: while Received or InExecution (the requested side holds the request and its clock
//   runs), due StatusUpdateDays after the later of the last status change and the last event recorded
//   by the requested side; none while awaiting information (the requesting side must act) or postponed;
// - time limit: the requesting State's own date, while the request is pending, paused or not (the
//   requesting State's need does not wait);
// - provisional arrest: once an arrest is recorded on an extradition or provisional-arrest request and
//   until the surrender or a final status, due the period of its legal bases after the arrest.
public static class DeadlineRules
{
    public static RequestSchedule Schedule(ScheduleInput input, DeadlineFigures figures)
    {
        ArgumentNullException.ThrowIfNull(input);
        ArgumentNullException.ThrowIfNull(figures);
        if (input.Status == RequestStatus.Draft || input.TransmittedOn is not { } transmittedOn)
        {
            return RequestSchedule.None;
        }

        var (pausedDays, pausedSince) = Pauses(input.History, transmittedOn, input.Status);
        var schedule = new RequestSchedule
        {
            TransmittedOn = transmittedOn,
            ClosedOn = input.Status.IsFinal() ? input.ClosedOn : null,
            PausedDays = pausedDays,
            PausedSince = pausedSince,
        };
        if (input.Status.IsFinal())
        {
            return schedule;
        }

        var lastChange = LastStatusChange(input.History) ?? transmittedOn;
        var lastNews = input.LastRequestedSideEventOn is { } news && news > lastChange ? news : lastChange;
        return schedule with
        {
            ReceiptDue = input.Status == RequestStatus.Transmitted ? transmittedOn.AddDays(figures.ReceiptDays) : null,
            StatusUpdateDue = input.Status is RequestStatus.Received or RequestStatus.InExecution ? lastNews.AddDays(figures.StatusUpdateDays) : null,
            TimeLimitDue = input.TimeLimit,
            ProvisionalArrestExpiry = input.Kind is RequestKind.Extradition or RequestKind.ProvisionalArrest
                && input.ProvisionalArrestOn is { } arrestedOn && input.SurrenderedOn is null
                ? arrestedOn.AddDays(figures.ProvisionalArrestDays)
                : null,
        };
    }

    // The day the request entered its current status: events that keep the status (notes) are not news.
    private static DateOnly? LastStatusChange(StatusHistory history)
    {
        DateOnly? enteredOn = null;
        RequestStatus? current = null;
        foreach (var change in history.Changes)
        {
            if (change.Status != current)
            {
                enteredOn = change.OccurredOn;
                current = change.Status;
            }
        }

        return enteredOn;
    }

    // The pauses since transmission: days of pauses over, and the start of the one under way. Counted
    // through StatusHistory, so DaysPending agrees with ActiveDaysBetween.
    private static (int PausedDays, DateOnly? PausedSince) Pauses(StatusHistory history, DateOnly transmittedOn, RequestStatus status)
    {
        DateOnly? pausedSince = null;
        if (StatusHistory.PausesTheClock(status))
        {
            foreach (var change in history.Changes)
            {
                var paused = StatusHistory.PausesTheClock(change.Status);
                pausedSince = paused ? pausedSince ?? change.OccurredOn : null;
            }
        }

        var until = pausedSince ?? (history.Changes.Count == 0 ? transmittedOn : history.Changes.Max(c => c.OccurredOn));
        if (until <= transmittedOn)
        {
            return (0, pausedSince);
        }

        var pausedDays = until.DayNumber - transmittedOn.DayNumber - history.ActiveDaysBetween(transmittedOn, until);
        return (pausedDays, pausedSince);
    }
}
