namespace Mla.Domain.Progress;

// The deadlines Mla tracks (DOMAIN.md, "Deadlines that matter"); codes receipt, status-update,
// time-limit, provisional-arrest.
public enum DeadlineKind
{
    // The requested side should acknowledge receipt within DeadlineOptions.ReceiptDays of transmission.
    Receipt,

    // The requested side should give news within DeadlineOptions.StatusUpdateDays of its last event.
    StatusUpdate,

    // The requesting State's own time limit (content.timeLimit).
    TimeLimit,

    // The end of the provisional-arrest period: the person is released if the extradition request has not arrived.
    ProvisionalArrest,
}

// One deadline of a request for a user on a day: overdue once that day is after the due date (the due
// date itself is still in time).
public sealed record Deadline(DeadlineKind Kind, DateOnly DueOn, bool Overdue);
