namespace Mla.Domain.Requests;

public enum Urgency
{
    Normal,
    Urgent,
}
