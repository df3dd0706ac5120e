namespace Mla.Domain.Requests;

/// <summary>
/// What the requesting central authority writes in a request: the draft's content, frozen at
/// transmission. The one shape of a request's content: the body of create, update and register-incoming,
/// what <see cref="RequestCompleteness"/> checks, what storage maps to columns by convention, and what
/// the API returns under <c>content</c>. Codes of the domain are enums; codes an administrator can add
/// (legal bases, offence categories, person roles, assistance types) are kebab-case reference-data
/// strings. A draft may be incomplete: <see cref="RequestCompleteness"/> says what is missing.
/// </summary>
public record RequestContent
{
    public required RequestKind Kind { get; init; }

    /// <summary>ISO 3166-1 alpha-3 code of the requested State (any State, in the networks or not).</summary>
    public string? RequestedState { get; init; }

    public IReadOnlyList<string> LegalBases { get; init; } = [];

    /// <summary>Free text naming the treaty when <see cref="LegalBases"/> holds <c>bilateral-treaty</c>.</summary>
    public string? BilateralTreatyName { get; init; }

    public string? Subject { get; init; }

    public AuthorityRef? InvestigatingAuthority { get; init; }

    public string? Facts { get; init; }

    public IReadOnlyList<Offence> Offences { get; init; } = [];

    public IReadOnlyList<PersonConcerned> Persons { get; init; } = [];

    public IReadOnlyList<AssistanceItem> Assistance { get; init; } = [];

    public string? Purpose { get; init; }

    public Urgency Urgency { get; init; }

    public string? UrgencyReason { get; init; }

    public DateOnly? TimeLimit { get; init; }

    /// <summary>Language code of the request (<c>fr</c>, <c>en</c>, <c>pt</c>, <c>ar</c>).</summary>
    public string? Language { get; init; }

    public bool Confidential { get; init; }

    /// <summary>Id of an earlier request this one supplements.</summary>
    public Guid? Supplements { get; init; }

    /// <summary>Extradition of an accused person: the arrest warrant.</summary>
    public JudicialDecisionRef? Warrant { get; init; }

    /// <summary>Extradition of a convicted person: the judgment.</summary>
    public JudicialDecisionRef? Judgment { get; init; }

    public ExtraditionPurpose? ExtraditionPurpose { get; init; }

    public string? SentenceRemaining { get; init; }

    public string? EnforceableSentenceProof { get; init; }

    /// <summary>When convicted in absentia: the means available to have the case retried.</summary>
    public string? RetrialAvailableInAbsentia { get; init; }

    /// <summary>Provisional arrest: the statement that extradition will be requested.</summary>
    public bool ExtraditionWillBeRequested { get; init; }

    /// <summary>
    /// Extradition and provisional arrest: the text of the law creating each offence and stating its penalty,
    /// typed here unless annexed (an annex of type <see cref="AnnexType.LegalProvisions"/>).
    /// </summary>
    public string? LegalProvisionsText { get; init; }
}
