namespace Mla.Domain.Access;

public enum Role
{
    CentralAuthority,
    FocalPoint,
    Prosecutor,
    Secretariat,
    Admin,
}
