using System.Globalization;

namespace Mla.Documents.Tests;

/// <summary>
/// Requests as hard on the layout as a real case file gets: long facts full of amounts, phone numbers and article
/// numbers, many persons with long names, a warrant and a judgment, straight apostrophes as users type them.
/// Each <c>variant</c> lengthens a few texts by a line or a word, so that across variants every block meets the
/// end of a page and every number meets the end of a line somewhere.
/// </summary>
internal static class WorstCaseRequests
{
    public const int Variants = 24;

    public static readonly DocumentCentralAuthority CentralAuthority = new(
        "Direction des Affaires criminelles et des Grâces — Autorité centrale pour l'entraide et l'extradition",
        ["République du Sénégal", "Ministère de la Justice", "Direction des Affaires criminelles et des Grâces"],
        "Building administratif Mamadou Dia, 3e étage, avenue Léopold Sédar Senghor, BP 784, Dakar",
        "entraide.penale@justice.gouv.sn — +221 33 849 70 00 — +221 77 000 00 00");

    public static RequestDocumentModel Build(string kind, string language, int variant)
    {
        var text = Texts.For(language);
        var shift = string.Concat(Enumerable.Repeat(text.Shift, variant % 7));
        return new RequestDocumentModel
        {
            Kind = kind,
            ReferenceNumber = $"SEN-AC-2026-{1000 + variant}",
            Language = language,
            RequestingStateIso3 = "SEN",
            RequestedStateIso3 = kind == RequestDocumentKinds.Mla ? "CIV" : "GNB",
            RequestingCentralAuthority = CentralAuthority,
            Addressee = new DocumentAddressee(
                kind == RequestDocumentKinds.Mla ? "Direction des Affaires civiles et du Sceau — Autorité centrale de Côte d'Ivoire" : "Autoridade Central — Ministério da Justiça (Guiné-Bissau)",
                kind == RequestDocumentKinds.Mla ? "Immeuble SCIAM, 18e étage, avenue Marchand, BP V 107, Abidjan-Plateau" : "Avenida Amílcar Cabral, CP 17, Bissau"),
            ContactOfficer = new DocumentContactOfficer(
                "Mamadou Lamine Diop", "Magistrat, chef du bureau de l'entraide pénale internationale", "+221 77 000 00 00", "mamadou.diop@justice.gouv.sn"),
            LegalBasisArticles = kind == RequestDocumentKinds.Mla
                ? new Dictionary<string, string> { ["ecowas-mla-1992"] = "2", ["untoc-2000"] = "18", ["uncac-2003"] = "46" }
                : new Dictionary<string, string> { ["ecowas-extradition-1994"] = "2", ["untoc-2000"] = "16", ["uncac-2003"] = "44" },
            LegalProvisionsText = kind == RequestDocumentKinds.Mla ? null : Repeat(text.Law, 2 + (variant % 3)),
            ProvisionalArrestDays = kind == RequestDocumentKinds.ProvisionalArrest ? 40 : null,
            InvestigatingAuthority = new DocumentInvestigatingAuthority(
                "Pôle judiciaire financier du tribunal de grande instance hors classe de Dakar",
                "Juge d'instruction du 1er cabinet, chargé de l'information n° 45/2025"),
            LegalBasisCodes = ["ecowas-mla-1992", "ecowas-extradition-1994", "untoc-2000", "uncac-2003", "bilateral-treaty"],
            BilateralTreatyName = "Accord de coopération judiciaire du 20 juillet 1987, art. 12 à 17",
            Subject = Repeat(text.Subject, 1 + (variant / 2)),
            Facts = shift + Repeat(text.Facts, 3 + variant),
            Offences =
            [
                new DocumentOffence("money-laundering", text.Offence, "Loi n° 2024-08 du 14 février 2024, art. 7 et 37 § 2", text.Penalty),
                new DocumentOffence("corruption", text.Offence, "Code pénal, art. 152 à 160", text.Penalty),
                new DocumentOffence("economic-financial-crime", text.Offence, "Loi n° 2016-008, art. 95", text.Penalty),
            ],
            Persons = Persons(kind, text, variant),
            AssistanceItems = kind == RequestDocumentKinds.Mla
                ?
                [
                    new DocumentAssistanceItem("records", text.Assistance, text.Procedure),
                    new DocumentAssistanceItem("freezing", text.Assistance, null),
                    new DocumentAssistanceItem("videoconference-hearing", text.Assistance, text.Procedure),
                ]
                : [],
            Purpose = Repeat(text.Purpose, 1 + (variant % 4)),
            IsUrgent = true,
            UrgencyReason = text.Urgency,
            TimeLimit = new DateOnly(2026, 12, 15),
            IsConfidential = true,
            SupplementsReferenceNumber = "SEN-AC-2025-0311",
            ExtraditionWarrant = kind == RequestDocumentKinds.Mla
                ? null
                : new DocumentJudicialDecision("Juge d'instruction du 1er cabinet du Pôle judiciaire financier de Dakar", new DateOnly(2025, 10, 2), "MA n° 2025/117 du 2 octobre 2025"),
            Judgment = kind == RequestDocumentKinds.Mla
                ? null
                : new DocumentJudicialDecision("Chambre criminelle du tribunal de grande instance hors classe de Dakar", new DateOnly(2024, 6, 20), "Arrêt n° 88/2024"),
            EnforceableSentenceProof = kind == RequestDocumentKinds.Mla ? null : text.Enforceable,
            SentenceRemaining = kind == RequestDocumentKinds.Mla ? null : text.Remaining,
            RetrialInAbsentia = kind == RequestDocumentKinds.Mla ? null : text.Retrial,
            ExtraditionPurpose = kind == RequestDocumentKinds.Mla ? null : "prosecution",
            ExtraditionWillBeRequested = kind == RequestDocumentKinds.ProvisionalArrest,
            Annexes =
            [
                .. Enumerable.Range(1, 2 + (variant % 6)).Select(i => new DocumentAnnex(
                    string.Create(CultureInfo.InvariantCulture, $"piece-{i:00}-proces-verbal.pdf"),
                    $"{text.Annex} n° {i}",
                    Number: i)),
                new DocumentAnnex("translation-en.pdf", null, IsTranslation: true, Number: 3 + (variant % 6), TypeCode: "translation"),
            ],
            Signatory = new DocumentSignatory("Aminata Ndiaye épouse Sarr", "Directrice des Affaires criminelles et des Grâces"),
            Place = "Dakar",
            Date = new DateOnly(2026, 11, 27),
        };
    }

    private static List<DocumentPerson> Persons(string kind, Texts text, int variant)
    {
        var sought = new DocumentPerson(
            kind == RequestDocumentKinds.Mla ? "suspect" : "person-sought",
            "Mohamed Lemine Ould Abdallahi Ould Sidi Mahmoud dit « Hamoudi »",
            "MRT",
            new DateOnly(1978, 2, 14),
            Repeat(text.Location, 1 + (variant % 5)),
            "Passeport n° B 01 234 567, carte d'identité n° 1 234 567 890",
            Nationality: text.Mauritanian,
            PlaceOfBirth: "Nouadhibou (Mauritanie)",
            Aliases: "« Hamoudi », « Ould Sidi », Mohamed Lamine Abdallahi",
            ParentsNames: "Abdallahi Ould Sidi Mahmoud et Mariem Mint Ahmed",
            PhysicalDescription: kind == RequestDocumentKinds.Mla ? null : text.Description);
        List<DocumentPerson> others =
        [
            new DocumentPerson("accused", "Fatoumata Binta Diallo épouse Bâ-N'Diaye", "GIN", new DateOnly(1985, 9, 30), text.Location, "Carte consulaire n° 2019 004 512"),
            new DocumentPerson("convicted-person", "Jean-Baptiste Kouamé N'Guessan Yao", "CIV", new DateOnly(1969, 1, 2), text.Location, "Passeport n° 18 AC 44 012"),
            new DocumentPerson("asset-holder", "Société d'import-export « Sahel Négoce International » SARL", "SEN", null, text.Location, "RCCM SN-DKR-2019-B-1234, NINEA 007 123 456"),
            new DocumentPerson("witness", "Ousmane Abdoul Karim Sow", "SEN", new DateOnly(1990, 5, 5), text.Location, null),
            new DocumentPerson("victim", "Mariama Cellou Dalein Barry", "GIN", new DateOnly(1994, 12, 24), text.Location, null),
            new DocumentPerson("person-to-be-served", "Cheikh Tidiane Ahmadou Bamba Mbacké", "SEN", null, text.Location, "+221 77 000 00 00"),
        ];

        // Co-accused sought together: up to four records ahead of the warrant, which moves it down the page.
        var alsoSought = kind == RequestDocumentKinds.Mla ? 0 : variant / 4;
        return
        [
            sought,
            .. others.Take(alsoSought).Select(p => p with { RoleCode = "person-sought" }),
            .. others.Skip(alsoSought),
        ];
    }

    private static string Repeat(string sentence, int times) => string.Join(' ', Enumerable.Repeat(sentence, times));

    /// <summary>What users type, in the document's language, with numbers and straight apostrophes.</summary>
    private sealed record Texts(
        string Shift,
        string Subject,
        string Facts,
        string Offence,
        string Penalty,
        string Assistance,
        string Procedure,
        string Purpose,
        string Urgency,
        string Location,
        string Enforceable,
        string Remaining,
        string Retrial,
        string Annex,
        string Law,
        string Description,
        string Mauritanian)
    {
        public static Texts For(string language) => language switch
        {
            "en" => new(
                "So ",
                "Judicial investigation into the laundering of 750 000 000 CFA francs through the company's accounts under art. 7 of Law No. 2024-08.",
                "On 3 March 2025 the suspect's accountant wired 184 000 000 FCFA and then 750 000 francs to accounts in Abidjan, in 48 hours, under reference n° 2025-0042; "
                    + "the bank's compliance officer, reachable on +225 07 00 00 00 00, reported it under art. 18 § 3 of the Uniform Act. ",
                "Laundering of the proceeds of corruption in an organised group",
                "10 years' imprisonment and a fine of 50 000 000 FCFA",
                "Statements of every account held by the company from 1 January 2024, with the holders' identity documents.",
                "Certified copies; the officer's statement under oath",
                "To trace the 750 000 000 CFA francs and identify the beneficial owners for the investigating judge's case.",
                "The funds may leave the region within 48 hours; the suspect's detention ends on 15 December 2026.",
                "Abidjan, Cocody Riviera 3, villa n° 12, tel. +225 07 00 00 00 00.",
                "Certificate of no appeal of 5 August 2024",
                "7 years and 4 months",
                "An objection may be lodged within 10 days of service of the judgment.",
                "Official record",
                "Law No. 2024-08, art. 37 § 2: laundering in an organised group is punished by 10 years' imprisonment and a fine of 50 000 000 FCFA.",
                "1.84 m, about 80 kg, scar 3 cm long on the left cheek; speaks Hassaniya, Wolof and French.",
                "Mauritanian"),
            "pt" => new(
                "Assim ",
                "Instrução criminal por branqueamento de 750 000 000 francos CFA através das contas da sociedade, nos termos do art. 7 da Lei n.º 2024-08.",
                "Em 3 de março de 2025 o contabilista do suspeito transferiu 184 000 000 FCFA e depois 750 000 francos para contas em Bissau, em 48 horas, sob a referência n.º 2025-0042; "
                    + "o responsável de conformidade do banco, contactável pelo +245 95 500 00 00, comunicou-o nos termos do art. 18 § 3 do Ato Uniforme. ",
                "Branqueamento do produto da corrupção em associação criminosa",
                "10 anos de prisão e multa de 50 000 000 FCFA",
                "Extratos de todas as contas da sociedade desde 1 de janeiro de 2024, com os documentos de identificação dos titulares.",
                "Cópias autenticadas; depoimento do funcionário sob juramento",
                "Seguir o rasto dos 750 000 000 francos CFA e identificar os beneficiários efetivos para o processo do juiz de instrução.",
                "Os fundos podem sair da região em 48 horas; a detenção do suspeito termina em 15 de dezembro de 2026.",
                "Bissau, bairro de Chão de Papel, casa n.º 12, tel. +245 95 500 00 00.",
                "Certidão de trânsito em julgado de 5 de agosto de 2024",
                "7 anos e 4 meses",
                "Pode ser deduzida oposição no prazo de 10 dias a contar da notificação da sentença.",
                "Auto oficial",
                "Lei n.º 2024-08, art. 37 § 2: o branqueamento em associação criminosa é punido com 10 anos de prisão e multa de 50 000 000 FCFA.",
                "1,84 m, cerca de 80 kg, cicatriz de 3 cm na face esquerda; fala hassania, uólofe e francês.",
                "mauritana"),
            _ => new(
                "Ainsi ",
                "Information judiciaire ouverte du chef de blanchiment de 750 000 000 francs CFA au moyen des comptes de la société, sur le fondement de l'art. 7 de la loi n° 2024-08.",
                "Le 3 mars 2025, le comptable de l'inculpé a viré 184 000 000 FCFA puis 750 000 francs vers des comptes ouverts à Abidjan, en 48 heures, sous la référence n° 2025-0042 ; "
                    + "le responsable de la conformité de la banque, joignable au +221 77 000 00 00, l'a signalé en application de l'art. 18 § 3 de l'Acte uniforme. ",
                "Blanchiment du produit de la corruption en bande organisée",
                "10 ans d'emprisonnement et 50 000 000 FCFA d'amende",
                "Relevés de tous les comptes de la société depuis le 1er janvier 2024, avec les pièces d'identité des titulaires.",
                "Copies certifiées conformes ; audition du préposé sous serment",
                "Retracer les 750 000 000 francs CFA et identifier les bénéficiaires effectifs pour les besoins de l'information du juge d'instruction.",
                "Les fonds peuvent quitter la région dans les 48 heures ; la détention de l'inculpé prend fin le 15 décembre 2026.",
                "Abidjan, Cocody Riviera 3, villa n° 12, tél. +225 07 00 00 00 00.",
                "Certificat de non-appel du 5 août 2024",
                "7 ans et 4 mois",
                "Opposition recevable dans les 10 jours de la signification de l'arrêt.",
                "Procès-verbal d'audition",
                "Loi n° 2024-08, art. 37 § 2 : le blanchiment en bande organisée est puni de 10 ans d'emprisonnement et de 50 000 000 FCFA d'amende.",
                "1,84 m, environ 80 kg, cicatrice de 3 cm sur la joue gauche ; parle hassanya, wolof et français.",
                "mauritanienne"),
        };
    }
}
