namespace Mla.Domain.Requests;

public enum RequestKind
{
    Mla,
    Extradition,
    ProvisionalArrest,
}
