using Mla.Domain.Progress;

namespace Mla.Api.Features.Requests;

/// <summary>
/// A request row read with its stored schedule columns (kept in step by <see cref="RequestStore"/>), from
/// which its deadlines and pending days follow: the base of the list's and the dashboard's rows.
/// </summary>
public abstract record ScheduledRow
{
    public DateOnly? TransmittedOn { get; init; }

    public DateOnly? ClosedOn { get; init; }

    public DateOnly? ReceiptDue { get; init; }

    public DateOnly? StatusUpdateDue { get; init; }

    public DateOnly? TimeLimitDue { get; init; }

    public DateOnly? ProvisionalArrestExpiry { get; init; }

    public int PausedDays { get; init; }

    public DateOnly? PausedSince { get; init; }

    public RequestSchedule Schedule => new()
    {
        TransmittedOn = TransmittedOn,
        ClosedOn = ClosedOn,
        ReceiptDue = ReceiptDue,
        StatusUpdateDue = StatusUpdateDue,
        TimeLimitDue = TimeLimitDue,
        ProvisionalArrestExpiry = ProvisionalArrestExpiry,
        PausedDays = PausedDays,
        PausedSince = PausedSince,
    };
}
