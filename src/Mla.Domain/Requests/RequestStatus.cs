namespace Mla.Domain.Requests;

// Declaration order is the lifecycle order; lists and reports rely on it.
public enum RequestStatus
{
    Draft,
    Transmitted,
    Received,
    InExecution,
    AwaitingInformation,
    Postponed,
    Executed,
    PartiallyExecuted,
    Refused,
    Withdrawn,
}
