namespace Mla.Domain.Requests;

public enum ExtraditionDecision
{
    Granted,
    PartlyGranted,
    Refused,
}
