namespace Mla.Domain.Requests;

public enum TransmissionChannel
{
    CentralAuthority,
    Diplomatic,
    Interpol,
    FocalPoint,
    DirectJudicial,
    Electronic,
}
