namespace Mla.Domain.Requests;

/// <summary>
/// Reference-data codes that rules depend on. Administrators may edit reference data, but renaming one of
/// these codes would silently change what a complete request is.
/// </summary>
public static class WellKnownCodes
{
    public const string BilateralTreatyLegalBasis = "bilateral-treaty";
    public const string ServiceOfDocumentsAssistance = "service-of-documents";
    public const string PersonSoughtRole = "person-sought";
}
