namespace Mla.Domain.Requests;

public enum ExtraditionPurpose
{
    Prosecution,
    Sentence,
}
