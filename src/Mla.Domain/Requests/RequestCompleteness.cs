namespace Mla.Domain.Requests;

/// <summary>
/// What a request must contain before it may be transmitted (DOMAIN.md; UNTOC 16 and 18(15), UNCAC 46(15),
/// UN Model Treaties on MLA art. 5 and on Extradition art. 5 and 9, ECOWAS 1992 art. 5).
/// </summary>
public static class RequestCompleteness
{
    /// <summary>
    /// Every missing element, in form order; empty when the request may be transmitted. An empty
    /// <paramref name="languagesAcceptedByRequestedState"/> means the requested State's languages are not
    /// known (a State outside the reference data): the language is then left to the central authority's
    /// judgement rather than blocking transmission.
    /// An annex of type <see cref="AnnexType.LegalProvisions"/> (<paramref name="hasLegalProvisionsAnnex"/>) holds the
    /// text of the law, which extradition and provisional arrest otherwise need typed in <see cref="RequestContent.LegalProvisionsText"/>.
    /// </summary>
    public static IReadOnlyList<MissingElement> Check(
        RequestContent content,
        IReadOnlyCollection<string> languagesAcceptedByRequestedState,
        bool hasTranslationAnnex,
        bool hasLegalProvisionsAnnex = false)
    {
        ArgumentNullException.ThrowIfNull(content);
        ArgumentNullException.ThrowIfNull(languagesAcceptedByRequestedState);

        var missing = new Findings();
        missing.Require(content.RequestedState, "requestedState", "The requested State is required.");
        switch (content.Kind)
        {
            case RequestKind.Mla:
                CheckMla(content, missing);
                break;
            case RequestKind.Extradition:
                CheckExtradition(content, missing);
                CheckLegalProvisionsText(content, hasLegalProvisionsAnnex, missing);
                break;
            case RequestKind.ProvisionalArrest:
                CheckProvisionalArrest(content, missing);
                CheckLegalProvisionsText(content, hasLegalProvisionsAnnex, missing);
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(content), content.Kind, "Unknown request kind.");
        }

        // Every kind: the requested State must be able to read what it receives.
        CheckLanguage(content, languagesAcceptedByRequestedState, hasTranslationAnnex, missing);
        return missing.Elements;
    }

    private static void CheckMla(RequestContent content, Findings missing)
    {
        CheckLegalBases(content, missing);
        missing.Require(content.Subject, "subject", "The subject matter and nature of the proceeding are required.");
        missing.Require(content.InvestigatingAuthority?.Name, "investigatingAuthority.name",
            "The name of the authority conducting the investigation, prosecution or proceeding is required.");
        missing.Require(content.InvestigatingAuthority?.Function, "investigatingAuthority.function",
            "The function of the authority conducting the investigation, prosecution or proceeding is required.");

        // Serving documents needs no account of the facts; any other assistance does.
        var onlyServiceOfDocuments = content.Assistance.Count > 0
            && content.Assistance.All(a => a.Type == WellKnownCodes.ServiceOfDocumentsAssistance);
        if (!onlyServiceOfDocuments)
        {
            missing.Require(content.Facts, "facts", "A summary of the relevant facts is required.");
        }

        CheckOffences(content, missing, categoryAndDescription: true);

        if (content.Assistance.Count == 0)
        {
            missing.Add("assistance", "At least one assistance item is required.");
        }

        for (var i = 0; i < content.Assistance.Count; i++)
        {
            var item = content.Assistance[i];
            missing.Require(item.Type, $"assistance[{i}].type", "The type of assistance is required.");
            missing.Require(item.Description, $"assistance[{i}].description", "A description of the assistance sought is required.");
        }

        missing.Require(content.Purpose, "purpose",
            "The purpose for which the assistance is sought, and its link to the case, is required.");

        if (content.Urgency == Urgency.Urgent)
        {
            missing.Require(content.UrgencyReason, "urgencyReason", "An urgent request must give the reason for its urgency.");
            if (content.TimeLimit is null)
            {
                missing.Add("timeLimit", "An urgent request must give the time limit wanted.");
            }
        }
    }

    private static void CheckExtradition(RequestContent content, Findings missing)
    {
        CheckLegalBases(content, missing);
        CheckPersonSought(content, missing, nationality: true);
        CheckOffences(content, missing, categoryAndDescription: false);

        switch (content.ExtraditionPurpose)
        {
            case null:
                missing.Add("extraditionPurpose", "The purpose is required: prosecution or enforcement of a sentence.");
                break;
            case ExtraditionPurpose.Prosecution:
                CheckDecision(content.Warrant, "warrant", "arrest warrant", missing);
                missing.Require(content.Facts, "facts", "A statement of the acts, with their time and place, is required.");
                break;
            case ExtraditionPurpose.Sentence:
                CheckDecision(content.Judgment, "judgment", "judgment", missing);
                missing.Require(content.EnforceableSentenceProof, "enforceableSentenceProof", "Proof that the sentence is enforceable is required.");
                missing.Require(content.SentenceRemaining, "sentenceRemaining", "How much of the sentence remains to be served is required.");
                break;
            default:
                throw new ArgumentOutOfRangeException(nameof(content), content.ExtraditionPurpose, "Unknown extradition purpose.");
        }
    }

    private static void CheckProvisionalArrest(RequestContent content, Findings missing)
    {
        CheckPersonSought(content, missing, nationality: false);

        // Either decision justifies the arrest; whichever is given must identify it.
        var decisions = new[] { (content.Warrant, "warrant", "arrest warrant"), (content.Judgment, "judgment", "judgment") }
            .Where(d => IsStarted(d.Item1))
            .ToList();
        if (decisions.Count == 0)
        {
            missing.Add("warrant", "An arrest warrant or a judgment against the person sought is required.");
        }

        foreach (var (decision, path, name) in decisions)
        {
            CheckDecision(decision, path, name, missing);
        }

        if (content.Offences.Count == 0)
        {
            missing.Add("offences", "At least one offence is required.");
        }

        for (var i = 0; i < content.Offences.Count; i++)
        {
            missing.Require(content.Offences[i].MaxPenalty, $"offences[{i}].maxPenalty", "The maximum penalty is required.");
        }

        missing.Require(content.Facts, "facts", "A concise statement of the facts is required.");
        if (!content.ExtraditionWillBeRequested)
        {
            missing.Add("extraditionWillBeRequested", "A provisional arrest request must state that extradition will be requested.");
        }
    }

    // The requested State judges dual criminality and the penalty from the law itself, not from its reference.
    private static void CheckLegalProvisionsText(RequestContent content, bool hasLegalProvisionsAnnex, Findings missing)
    {
        if (!hasLegalProvisionsAnnex)
        {
            missing.Require(content.LegalProvisionsText, "legalProvisionsText",
                "The text of the law creating each offence and stating its penalty is required: type it, or annex it as legal-provisions.");
        }
    }

    private static void CheckLegalBases(RequestContent content, Findings missing)
    {
        if (content.LegalBases.Count == 0)
        {
            missing.Add("legalBases", "At least one legal basis is required.");
        }
        else if (content.LegalBases.Contains(WellKnownCodes.BilateralTreatyLegalBasis, StringComparer.Ordinal))
        {
            missing.Require(content.BilateralTreatyName, "bilateralTreatyName", "Name the bilateral treaty relied on.");
        }
    }

    private static void CheckOffences(RequestContent content, Findings missing, bool categoryAndDescription)
    {
        if (content.Offences.Count == 0)
        {
            missing.Add("offences", "At least one offence is required.");
        }

        for (var i = 0; i < content.Offences.Count; i++)
        {
            var offence = content.Offences[i];
            if (categoryAndDescription)
            {
                missing.Require(offence.Category, $"offences[{i}].category", "The offence category is required.");
                missing.Require(offence.Description, $"offences[{i}].description", "The description of the offence is required.");
            }

            missing.Require(offence.LegalProvision, $"offences[{i}].legalProvision", "The legal provision creating the offence is required.");
            missing.Require(offence.MaxPenalty, $"offences[{i}].maxPenalty", "The maximum penalty is required.");
        }
    }

    private static void CheckPersonSought(RequestContent content, Findings missing, bool nationality)
    {
        var found = false;
        for (var i = 0; i < content.Persons.Count; i++)
        {
            var person = content.Persons[i];
            if (person.Role != WellKnownCodes.PersonSoughtRole)
            {
                continue;
            }

            found = true;
            missing.Require(person.FullName, $"persons[{i}].fullName", "The full name of the person sought is required.");
            if (nationality)
            {
                missing.Require(person.Nationality, $"persons[{i}].nationality", "The nationality of the person sought is required.");
            }

            missing.Require(person.Location, $"persons[{i}].location", "The probable location of the person sought is required.");
        }

        if (!found)
        {
            missing.Add("persons", $"At least one person with the role {WellKnownCodes.PersonSoughtRole} is required.");
        }
    }

    private static void CheckDecision(JudicialDecisionRef? decision, string path, string name, Findings missing)
    {
        missing.Require(decision?.IssuingAuthority, $"{path}.issuingAuthority", $"The authority that issued the {name} is required.");
        if (decision?.Date is null)
        {
            missing.Add($"{path}.date", $"The date of the {name} is required.");
        }

        missing.Require(decision?.Reference, $"{path}.reference", $"The reference of the {name} is required.");
    }

    private static bool IsStarted(JudicialDecisionRef? decision)
        => decision is not null
            && (!string.IsNullOrWhiteSpace(decision.IssuingAuthority) || decision.Date is not null || !string.IsNullOrWhiteSpace(decision.Reference));

    private static void CheckLanguage(RequestContent content, IReadOnlyCollection<string> accepted, bool hasTranslationAnnex, Findings missing)
    {
        if (string.IsNullOrWhiteSpace(content.Language))
        {
            missing.Add("language", "The language of the request is required.");
            return;
        }

        if (accepted.Count > 0 && !hasTranslationAnnex && !accepted.Contains(content.Language, StringComparer.OrdinalIgnoreCase))
        {
            missing.Add("language",
                $"The requested State accepts requests in {string.Join(", ", accepted)}: write the request in one of them or attach a translation.");
        }
    }

    private sealed class Findings
    {
        private readonly List<MissingElement> _elements = [];

        public IReadOnlyList<MissingElement> Elements => _elements;

        public void Add(string path, string reason) => _elements.Add(new MissingElement(path, reason));

        // Blank counts as missing: a field of spaces tells the requested State nothing.
        public void Require(string? value, string path, string reason)
        {
            if (string.IsNullOrWhiteSpace(value))
            {
                Add(path, reason);
            }
        }
    }
}
