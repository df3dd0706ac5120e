using System.Diagnostics.CodeAnalysis;

namespace Mla.Api.Infrastructure.OpenApi;

/// <summary>
/// Example bodies of the request routes, shown in the API reference and tried by the tests: each draft
/// is complete enough to be transmitted, and each step body is accepted at its step. Dates are computed
/// from the API's today, since a step may be dated neither in the future nor before the previous event.
/// The persons and cases are invented.
/// </summary>
[SuppressMessage("Performance", "CA1861:Avoid constant arrays as arguments", Justification = "Built once per document served; the bodies read like the JSON they become.")]
public static class RequestExamples
{
    public const int MlaAssistanceItems = 2;

    /// <summary>One draft of each kind: Mali's central authority writing to Senegal and to Niger.</summary>
    public static IReadOnlyList<RequestExample> CreateDraft(TimeProvider time)
    {
        var today = Today(time);
        return
        [
            new("mla", "MLA request (complete, ready to transmit)", MlaDraft()),
            new("extradition", "Extradition request for prosecution (complete, ready to transmit)", new
            {
                kind = "extradition",
                requestedState = "NER",
                legalBases = new[] { "ecowas-extradition-1994" },
                subject = "Extradition aux fins de poursuites pour vol à main armée",
                facts = "Le 3 mars, à Bamako, l'intéressé a pris part, avec deux complices armés, au vol d'un fourgon de transport de fonds.",
                offences = new[]
                {
                    new
                    {
                        category = "banditry-armed-robbery",
                        description = "Vol à main armée en réunion",
                        legalProvision = "Art. 252 du code pénal",
                        maxPenalty = "Réclusion criminelle à perpétuité",
                    },
                },
                persons = new[]
                {
                    new
                    {
                        role = "person-sought",
                        fullName = "Amadou Exemple",
                        nationality = "MLI",
                        dateOfBirth = new DateOnly(1990, 5, 6),
                        location = "Niamey, quartier Plateau",
                        placeOfBirth = "Ségou (Mali)",
                        aliases = "« Amadou le Grand »",
                        parentsNames = "Fils de Boubacar Exemple et de Mariam Exemple",
                        physicalDescription = "1,82 m, corpulence mince, cicatrice à l'arcade sourcilière gauche",
                    },
                },
                warrant = new { issuingAuthority = "Juge d'instruction du tribunal de grande instance de la commune III de Bamako", date = today.AddDays(-40), reference = "MA-2026-014" },
                extraditionPurpose = "prosecution",
                legalProvisionsText = "Code pénal, art. 252 : « Le vol commis à main armée ou en réunion est puni de la réclusion criminelle à perpétuité. »",
                language = "fr",
                confidential = true,
            }),
            new("provisional-arrest", "Provisional arrest request, urgent (complete, ready to transmit)", new
            {
                kind = "provisional-arrest",
                requestedState = "SEN",
                legalBases = new[] { "ecowas-extradition-1994" },
                subject = "Arrestation provisoire en vue d'extradition",
                facts = "L'intéressé, recherché pour le financement d'un groupe armé, a été signalé à Dakar et s'apprête à quitter le territoire.",
                offences = new[]
                {
                    new
                    {
                        category = "terrorism-financing",
                        description = "Financement du terrorisme",
                        legalProvision = "Art. 3 de la loi n° 2008-025",
                        maxPenalty = "20 ans de réclusion",
                    },
                },
                persons = new[]
                {
                    new
                    {
                        role = "person-sought",
                        fullName = "Moussa Exemple",
                        nationality = "MLI",
                        dateOfBirth = new DateOnly(1985, 11, 20),
                        location = "Dakar, probablement à l'hôtel du Port",
                    },
                },
                warrant = new { issuingAuthority = "Pôle judiciaire spécialisé de Bamako", date = today.AddDays(-10), reference = "MA-PJS-2026-003" },
                urgency = "urgent",
                urgencyReason = "La personne recherchée s'apprête à quitter le Sénégal.",
                timeLimit = today.AddDays(7),
                extraditionWillBeRequested = true,
                legalProvisionsText = "Loi n° 2008-025, art. 3 : le financement du terrorisme est puni de 20 ans de réclusion.",
                language = "fr",
                confidential = true,
            }),
        ];
    }

    /// <summary>PUT replaces the whole content: send it all, as at creation.</summary>
    public static IReadOnlyList<RequestExample> UpdateDraft(TimeProvider time) =>
        [new("mla", "The whole MLA draft, its purpose reworded", MlaDraft() with { Purpose = "Établir le circuit des fonds et identifier les donneurs d'ordre des virements" })];

    /// <summary>Senegal's central authority registers a request Burkina Faso sent it by post.</summary>
    public static IReadOnlyList<RequestExample> RegisterIncoming(TimeProvider time)
    {
        var today = Today(time);
        return
        [
            new("mla", "MLA request received by post from Burkina Faso", new
            {
                kind = "mla",
                requestingState = "BFA",
                occurredOn = today,
                transmittedOn = today.AddDays(-12),
                channel = "diplomatic",
                requestingStateReference = "BFA/MJ/2026/0042",
                requestedSideReference = "SEN/CA/2026/0311",
                legalBases = new[] { "ecowas-mla-1992" },
                subject = "Audition d'un témoin dans une affaire de trafic de migrants",
                facts = "Un réseau organise depuis Ouagadougou le passage de migrants vers le Sénégal.",
                offences = new[] { new { category = "migrant-smuggling", description = "Trafic illicite de migrants", legalProvision = "Art. 5 de la loi n° 2015-032", maxPenalty = "10 ans" } },
                assistance = new[] { new { type = "taking-evidence", description = "Audition du chauffeur de l'autocar" } },
                purpose = "Établir l'organisation du réseau",
                language = "fr",
            }),
        ];
    }

    public static IReadOnlyList<RequestExample> Transmit(TimeProvider time) =>
        [new("transmit", "By the central authorities, in French", new { occurredOn = Today(time), channel = "central-authority", language = "fr" })];

    public static IReadOnlyList<RequestExample> AcknowledgeReceipt(TimeProvider time) =>
        [new("receipt", "Received, with the requested State's own reference", new { occurredOn = Today(time), requestedSideReference = "SEN/CA/2026/117" })];

    public static IReadOnlyList<RequestExample> StartExecution(TimeProvider time) =>
        [new("execution", "Assigned to an investigating judge", new { occurredOn = Today(time), executingAuthority = "Doyen des juges d'instruction, tribunal de grande instance hors classe de Dakar" })];

    public static IReadOnlyList<RequestExample> AskForInformation(TimeProvider time)
    {
        var today = Today(time);
        return [new("information-request", "A missing account number, within 30 days", new { occurredOn = today, informationNeeded = "Les numéros des comptes visés et le nom de la banque.", respondBy = today.AddDays(30) })];
    }

    public static IReadOnlyList<RequestExample> ProvideInformation(TimeProvider time) =>
        [new("information-response", "The information asked for", new { occurredOn = Today(time), informationProvided = "Comptes n° SN012 01001 et SN012 01002, ouverts à la Banque Exemple de Dakar." })];

    public static IReadOnlyList<RequestExample> PostponeExecution(TimeProvider time)
    {
        var today = Today(time);
        return [new("postponement", "Postponed while a local investigation runs", new { occurredOn = today, reason = "L'exécution entraverait une enquête en cours au Sénégal.", postponedUntil = today.AddDays(60) })];
    }

    public static IReadOnlyList<RequestExample> RecordExecution(TimeProvider time) =>
    [
        new("execution-result", $"One outcome for each of the {MlaAssistanceItems} assistance items of the MLA example", new
        {
            occurredOn = Today(time),
            outcomes = new[]
            {
                new { outcome = "executed", note = "Relevés des comptes joints en annexe." },
                new { outcome = "partially-executed", note = "Le gestionnaire des comptes a été entendu ; l'ancien directeur d'agence reste introuvable." },
            },
        }),
    ];

    public static IReadOnlyList<RequestExample> RefuseRequest(TimeProvider time) =>
        [new("refusal", "Refused for a political offence", new { occurredOn = Today(time), grounds = new[] { "political-offence" }, reasons = "Les faits sont qualifiés d'infraction politique par le droit de l'État requis." })];

    public static IReadOnlyList<RequestExample> WithdrawRequest(TimeProvider time) =>
        [new("withdrawal", "No longer needed", new { occurredOn = Today(time), reason = "La personne poursuivie a été entendue au Mali ; l'entraide n'est plus nécessaire." })];

    public static IReadOnlyList<RequestExample> RecordProvisionalArrest(TimeProvider time) =>
        [new("provisional-arrest", "Arrested, with a note", new { occurredOn = Today(time), note = "Arrêté à Niamey par la police judiciaire et placé sous écrou extraditionnel." })];

    public static IReadOnlyList<RequestExample> RecordExtraditionDecision(TimeProvider time)
    {
        var today = Today(time);
        return
        [
            new("granted", "Extradition granted", new { occurredOn = today, decision = "granted" }),
            new("refused", "Extradition refused, with coded grounds and reasons", new
            {
                occurredOn = today,
                decision = "refused",
                grounds = new[] { "nationality" },
                reasons = "La personne réclamée a la nationalité de l'État requis, qui n'extrade pas ses nationaux.",
            }),
        ];
    }

    public static IReadOnlyList<RequestExample> RecordSurrender(TimeProvider time) =>
        [new("surrender", "Surrendered at the border", new { occurredOn = Today(time), note = "Remis aux autorités maliennes au poste frontière de Labbezanga." })];

    public static IReadOnlyList<RequestExample> AddNote(TimeProvider time) =>
        [new("note", "A follow-up note", new { occurredOn = Today(time), note = "Relance téléphonique de l'autorité centrale du Sénégal : exécution prévue la semaine prochaine." })];

    // Dates are judged in each user's State; the examples are Mali's and Senegal's, both on UTC.
    private static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime);

    private static MlaDraftBody MlaDraft() => new();

    /// <summary>The MLA example, a record so that the update example can be a variation of it.</summary>
    private sealed record MlaDraftBody
    {
        public string Kind { get; init; } = "mla";

        public string RequestedState { get; init; } = "SEN";

        public string[] LegalBases { get; init; } = ["ecowas-mla-1992", "untoc-2000"];

        public string Subject { get; init; } = "Financement d'un groupe armé";

        public object InvestigatingAuthority { get; init; } = new { name = "Pôle judiciaire spécialisé de Bamako", function = "Juge d'instruction" };

        public string Facts { get; init; } = "Des virements ont été effectués depuis des comptes ouverts au Sénégal au profit de membres du groupe.";

        public object[] Offences { get; init; } =
        [
            new { category = "terrorism-financing", description = "Financement du terrorisme", legalProvision = "Art. 3 de la loi n° 2008-025", maxPenalty = "20 ans de réclusion" },
        ];

        public object[] Persons { get; init; } =
        [
            new { role = "suspect", fullName = "Awa Exemple", nationality = "MLI", dateOfBirth = new DateOnly(1980, 1, 2), location = "Dakar" },
        ];

        public object[] Assistance { get; init; } =
        [
            new { type = "records", description = "Relevés des comptes bancaires des douze derniers mois" },
            new { type = "taking-evidence", description = "Audition du gestionnaire des comptes", procedure = "Audition sous serment, en présence d'un magistrat malien si possible" },
        ];

        public string Purpose { get; init; } = "Établir le circuit des fonds jusqu'au groupe armé";

        public string Urgency { get; init; } = "normal";

        public string Language { get; init; } = "fr";

        public bool Confidential { get; init; } = true;
    }
}
