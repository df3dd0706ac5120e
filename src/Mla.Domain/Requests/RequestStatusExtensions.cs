namespace Mla.Domain.Requests;

public static class RequestStatusExtensions
{
    // A final status ends the case: only follow-up notes may still be added.
    public static bool IsFinal(this RequestStatus status) => status is
        RequestStatus.Executed or RequestStatus.PartiallyExecuted or RequestStatus.Refused or RequestStatus.Withdrawn;
}
