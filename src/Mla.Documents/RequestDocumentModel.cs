namespace Mla.Documents;

/// <summary>
/// Everything printed on a request document. Codes (kind, legal bases, offence categories, assistance
/// types, person roles, extradition purpose) are the kebab-case codes of DOMAIN.md; the wording resources
/// turn them into text in the document's language, and an unknown code is printed as is.
/// </summary>
public sealed record RequestDocumentModel
{
    /// <summary><c>mla</c>, <c>extradition</c> or <c>provisional-arrest</c> (see <see cref="RequestDocumentKinds"/>).</summary>
    public required string Kind { get; init; }

    public bool IsDraft { get; init; }

    /// <summary>Null for a draft that has no number yet: a placeholder word is printed instead.</summary>
    public string? ReferenceNumber { get; init; }

    /// <summary>Language code of the document (<c>fr</c>, <c>en</c>, <c>pt</c>, ...): see <see cref="RequestDocumentGenerator.SupportedLanguages"/>.</summary>
    public required string Language { get; init; }

    public required string RequestingStateIso3 { get; init; }

    public required string RequestedStateIso3 { get; init; }

    public required DocumentCentralAuthority RequestingCentralAuthority { get; init; }

    /// <summary>The requested State's central authority from the directory, named in the document's language; without
    /// it the letter is addressed to "the central authority of the requested State".</summary>
    public DocumentAddressee? Addressee { get; init; }

    public DocumentInvestigatingAuthority? InvestigatingAuthority { get; init; }

    /// <summary>The officer who drafted the request, for follow-up.</summary>
    public DocumentContactOfficer? ContactOfficer { get; init; }

    /// <summary>Language code of the request's content. A preview in another language names this one as the
    /// request's language; null means the document's own language.</summary>
    public string? RequestLanguage { get; init; }

    public IReadOnlyList<string> LegalBasisCodes { get; init; } = [];

    /// <summary>The article of a legal basis that applies to this kind of request (<c>"18"</c> for UNTOC and MLA), by
    /// legal-basis code, from reference data; a basis without one is printed without an article.</summary>
    public IReadOnlyDictionary<string, string> LegalBasisArticles { get; init; } = new Dictionary<string, string>();

    /// <summary>Name of the bilateral treaty when <see cref="LegalBasisCodes"/> holds <c>bilateral-treaty</c>.</summary>
    public string? BilateralTreatyName { get; init; }

    public string? Subject { get; init; }

    public string? Facts { get; init; }

    public IReadOnlyList<DocumentOffence> Offences { get; init; } = [];

    public IReadOnlyList<DocumentPerson> Persons { get; init; } = [];

    public IReadOnlyList<DocumentAssistanceItem> AssistanceItems { get; init; } = [];

    public string? Purpose { get; init; }

    public bool IsUrgent { get; init; }

    public string? UrgencyReason { get; init; }

    public DateOnly? TimeLimit { get; init; }

    public bool IsConfidential { get; init; }

    /// <summary>Reference number of an earlier request this one supplements.</summary>
    public string? SupplementsReferenceNumber { get; init; }

    public DocumentJudicialDecision? ExtraditionWarrant { get; init; }

    public DocumentJudicialDecision? Judgment { get; init; }

    /// <summary><c>prosecution</c> or <c>sentence</c>.</summary>
    public string? ExtraditionPurpose { get; init; }

    public string? SentenceRemaining { get; init; }

    public string? EnforceableSentenceProof { get; init; }

    /// <summary>When convicted in absentia: the means available to have the case retried.</summary>
    public string? RetrialInAbsentia { get; init; }

    /// <summary>Provisional arrest: the requesting State states that the extradition request will follow.</summary>
    public bool ExtraditionWillBeRequested { get; init; }

    /// <summary>Provisional arrest: the days within which the extradition request will follow, from the legal bases.</summary>
    public int? ProvisionalArrestDays { get; init; }

    /// <summary>The text of the law creating the offence and stating its penalty, as typed in the request.</summary>
    public string? LegalProvisionsText { get; init; }

    public IReadOnlyList<DocumentAnnex> Annexes { get; init; } = [];

    public required DocumentSignatory Signatory { get; init; }

    /// <summary>Where the document is signed, e.g. "Bamako".</summary>
    public required string Place { get; init; }

    /// <summary>The SHA-256 of the document's content before signing, printed in every page's footer as text and in a QR code (with the reference), so that a paper or scanned copy can be checked (a document cannot carry the hash of its own bytes).</summary>
    public string? VerificationCode { get; init; }

    /// <summary>Date of the document; also the PDF creation date, so the same input gives the same bytes.</summary>
    public required DateOnly Date { get; init; }
}

/// <summary>The document kinds a template exists for.</summary>
public static class RequestDocumentKinds
{
    public const string Mla = "mla";
    public const string Extradition = "extradition";
    public const string ProvisionalArrest = "provisional-arrest";

    public static IReadOnlyList<string> All { get; } = [Mla, Extradition, ProvisionalArrest];
}

/// <summary>The requesting central authority; <c>LetterheadLines</c> are printed at the top of every page,
/// e.g. "République du Mali", "Ministère de la Justice", "Autorité centrale".</summary>
public sealed record DocumentCentralAuthority(
    string Name,
    IReadOnlyList<string> LetterheadLines,
    string? Address = null,
    string? Contact = null);

/// <summary>Who the letter is addressed to: a central authority's name and postal address.</summary>
public sealed record DocumentAddressee(string Name, string? Address = null);

/// <summary>The officer to contact about the request: name, function, phone and e-mail.</summary>
public sealed record DocumentContactOfficer(string Name, string? Function = null, string? Phone = null, string? Email = null);

/// <summary>The authority conducting the investigation, prosecution or proceeding.</summary>
public sealed record DocumentInvestigatingAuthority(string Name, string? Function = null);

public sealed record DocumentOffence(
    string CategoryCode,
    string Description,
    string? LegalProvision = null,
    string? MaxPenalty = null);

/// <summary>A person concerned. <c>Nationality</c> is the adjective in the document's language ("malienne",
/// "Malian"); without it the State of <c>NationalityIso3</c> is named.</summary>
public sealed record DocumentPerson(
    string RoleCode,
    string FullName,
    string? NationalityIso3 = null,
    DateOnly? DateOfBirth = null,
    string? Location = null,
    string? IdentityDocument = null,
    string? Nationality = null,
    string? PlaceOfBirth = null,
    string? Aliases = null,
    string? ParentsNames = null,
    string? PhysicalDescription = null);

public sealed record DocumentAssistanceItem(string TypeCode, string Description, string? Procedure = null);

/// <summary>An arrest warrant or a judgment.</summary>
public sealed record DocumentJudicialDecision(string IssuingAuthority, DateOnly? Date, string? Reference);

/// <summary>An annex, numbered in its request; <c>TypeCode</c> is what it is (<c>photograph</c>, <c>fingerprints</c>, ...).</summary>
public sealed record DocumentAnnex(string FileName, string? Description = null, bool IsTranslation = false, int Number = 0, string? TypeCode = null);

public sealed record DocumentSignatory(string Name, string? Function = null);
