namespace Mla.Documents.Tests;

/// <summary>Complete requests of each kind, as a central authority of the region would write them.</summary>
internal static class SampleRequests
{
    public static readonly DocumentCentralAuthority MaliCentralAuthority = new(
        "Direction des Affaires criminelles et des Grâces — Autorité centrale",
        ["République du Mali", "Ministère de la Justice et des Droits de l’Homme", "Autorité centrale"],
        "Quartier du Fleuve, BP 97, Bamako, Mali",
        "autorite.centrale@justice.gouv.ml — +223 20 22 00 00");

    public static RequestDocumentModel Mla(string language = "fr", bool isDraft = false) => new()
    {
        Kind = RequestDocumentKinds.Mla,
        IsDraft = isDraft,
        ReferenceNumber = isDraft ? null : "MLI-AC-2026-0042",
        Language = language,
        RequestingStateIso3 = "MLI",
        RequestedStateIso3 = "SEN",
        RequestingCentralAuthority = MaliCentralAuthority,
        InvestigatingAuthority = new DocumentInvestigatingAuthority("Pôle judiciaire spécialisé en matière économique et financière de Bamako", "Juge d’instruction du 2e cabinet"),
        LegalBasisCodes = ["ecowas-mla-1992", "untoc-2000", "bilateral-treaty"],
        BilateralTreatyName = "Convention générale de coopération en matière de justice entre le Mali et le Sénégal (1965)",
        Subject = "Information judiciaire ouverte contre X du chef de blanchiment de capitaux et de trafic de stupéfiants portant sur des virements transfrontaliers.",
        Facts = "Entre janvier et juin 2025, des fonds provenant de la vente de résine de cannabis ont été transférés depuis Bamako vers des comptes ouverts à Dakar. "
            + "Les enquêteurs ont identifié douze virements d’un montant total de 184 000 000 FCFA, opérés par l’intermédiaire de la société « Sahel Négoce SARL ».",
        Offences =
        [
            new DocumentOffence("money-laundering", "Blanchiment de capitaux en bande organisée", "Loi n° 2016-008 du 17 mars 2016, art. 7 et 37", "10 ans d’emprisonnement"),
            new DocumentOffence("drug-trafficking", "Trafic international de stupéfiants", "Loi n° 01-078 du 18 juillet 2001, art. 95", "20 ans de réclusion"),
        ],
        Persons =
        [
            new DocumentPerson("suspect", "Amadou Traoré", "MLI", new DateOnly(1981, 4, 12), "Dakar, Plateau", "Passeport AA1234567"),
            new DocumentPerson("asset-holder", "Sahel Négoce SARL", "SEN", null, "Dakar, Almadies", "RCCM SN-DKR-2019-B-1234"),
        ],
        AssistanceItems =
        [
            new DocumentAssistanceItem("records", "Relevés des comptes ouverts au nom de Sahel Négoce SARL du 1er janvier au 30 juin 2025.", "Copies certifiées conformes"),
            new DocumentAssistanceItem("taking-evidence", "Audition de M. Amadou Traoré sur l’origine des fonds.", "Audition sous serment, en présence d’un avocat"),
        ],
        Purpose = "Établir le circuit financier des fonds et identifier les bénéficiaires effectifs, pour les besoins de l’information judiciaire.",
        IsUrgent = true,
        UrgencyReason = "Les fonds risquent d’être transférés hors de la région.",
        TimeLimit = new DateOnly(2026, 4, 30),
        IsConfidential = true,
        SupplementsReferenceNumber = "MLI-AC-2025-0107",
        Annexes =
        [
            new DocumentAnnex("ordonnance-commission-rogatoire.pdf", "Commission rogatoire internationale"),
            new DocumentAnnex("textes-applicables.pdf", "Texte des dispositions légales"),
        ],
        Signatory = new DocumentSignatory("Fatoumata Coulibaly", "Directrice des Affaires criminelles et des Grâces"),
        Place = "Bamako",
        Date = new DateOnly(2026, 3, 3),
    };

    public static RequestDocumentModel Extradition(string language = "fr", bool isDraft = false) => Mla(language, isDraft) with
    {
        Kind = RequestDocumentKinds.Extradition,
        Persons =
        [
            new DocumentPerson("person-sought", "Ibrahim Sow", "MLI", new DateOnly(1979, 11, 2), "Niamey, quartier Plateau", "Carte d’identité 079-556-221"),
            new DocumentPerson("victim", "Mariam Keïta", "MLI"),
        ],
        AssistanceItems = [],
        ExtraditionWarrant = new DocumentJudicialDecision("Juge d’instruction du Pôle économique de Bamako", new DateOnly(2025, 9, 15), "MA-2025-311"),
        Judgment = new DocumentJudicialDecision("Cour d’assises de Bamako", new DateOnly(2024, 6, 20), "ARR-2024-88"),
        EnforceableSentenceProof = "Certificat de non-appel du 5 août 2024",
        SentenceRemaining = "7 ans et 4 mois",
        RetrialInAbsentia = "Opposition recevable dans les dix jours de la signification de l’arrêt",
        ExtraditionPurpose = "prosecution",
        RequestedStateIso3 = "NER",
    };

    public static RequestDocumentModel ProvisionalArrest(string language = "fr", bool isDraft = false) => Extradition(language, isDraft) with
    {
        Kind = RequestDocumentKinds.ProvisionalArrest,
        ExtraditionWillBeRequested = true,
    };

    /// <summary>The smallest request the templates accept: nothing optional is filled in.</summary>
    public static RequestDocumentModel Minimal(string kind, string language = "fr") => new()
    {
        Kind = kind,
        ReferenceNumber = "MLI-AC-2026-0001",
        Language = language,
        RequestingStateIso3 = "MLI",
        RequestedStateIso3 = "BFA",
        RequestingCentralAuthority = new DocumentCentralAuthority("Autorité centrale du Mali", ["République du Mali"]),
        Signatory = new DocumentSignatory("Fatoumata Coulibaly"),
        Place = "Bamako",
        Date = new DateOnly(2026, 3, 3),
    };

    public static RequestDocumentModel ForKind(string kind, string language = "fr", bool isDraft = false) => kind switch
    {
        RequestDocumentKinds.Mla => Mla(language, isDraft),
        RequestDocumentKinds.Extradition => Extradition(language, isDraft),
        RequestDocumentKinds.ProvisionalArrest => ProvisionalArrest(language, isDraft),
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
    };
}
