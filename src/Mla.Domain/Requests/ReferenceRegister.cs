namespace Mla.Domain.Requests;

/// <summary>
/// Which of a State's registers a reference number belongs to. Each register has its own gap-free
/// sequence per kind and year, so one State never consumes another's numbers.
/// </summary>
public enum ReferenceRegister
{
    /// <summary>The requests the State sends: numbered at transmission (<c>MLI/MLA/2026/0001</c>).</summary>
    Outgoing,

    /// <summary>
    /// The requests the State received outside Mla and registered itself: numbered at registration
    /// (<c>SEN/IN/MLA/2026/0001</c>); the requesting State's own reference is kept beside, as written.
    /// </summary>
    Incoming,
}
