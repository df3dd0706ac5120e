using Mla.Domain.Requests;

namespace Mla.Domain.Tests.Requests;

public sealed class RequestCompletenessTests
{
    private static readonly string[] French = ["fr"];

    private static readonly RequestContent CompleteMla = new()
    {
        Kind = RequestKind.Mla,
        RequestedState = "MLI",
        LegalBases = ["ecowas-mla-1992"],
        Subject = "Investigation into the financing of an armed group",
        InvestigatingAuthority = new AuthorityRef("Pôle judiciaire spécialisé", "Investigating judge"),
        Facts = "Transfers from accounts in Bamako to the group between 2023 and 2024.",
        Offences =
        [
            new Offence("terrorism-financing", "Financing of terrorism", "Penal Code art. 279-1", "20 years"),
            new Offence("money-laundering", "Laundering of the proceeds", "Law 2004-09 art. 37", "7 years"),
        ],
        Persons = [new PersonConcerned("suspect", "A. B.", "SEN", null, null, null)],
        Assistance =
        [
            new AssistanceItem("records", "Bank statements of account 123", null),
            new AssistanceItem("taking-evidence", "Hearing of the account manager", "Under oath"),
        ],
        Purpose = "Establish the origin of the funds",
        Language = "fr",
    };

    private static readonly RequestContent CompleteExtradition = new()
    {
        Kind = RequestKind.Extradition,
        RequestedState = "NER",
        LegalBases = ["ecowas-extradition-1994"],
        Offences = [new Offence(null, null, "Penal Code art. 316", "10 years")],
        Persons =
        [
            new PersonConcerned("witness", null, null, null, null, null),
            new PersonConcerned("person-sought", "C. D.", "SEN", new DateOnly(1990, 1, 2), "Niamey", "Passport A123"),
        ],
        ExtraditionPurpose = ExtraditionPurpose.Prosecution,
        Warrant = new JudicialDecisionRef("Investigating judge, Dakar", new DateOnly(2025, 1, 10), "MA-2025-017"),
        Facts = "Armed robbery of a bank in Dakar on 3 January 2025.",
        LegalProvisionsText = "Penal Code art. 316: armed robbery is punished by 10 years' imprisonment.",
        Language = "fr",
    };

    private static readonly RequestContent CompleteSentenceExtradition = CompleteExtradition with
    {
        ExtraditionPurpose = ExtraditionPurpose.Sentence,
        Warrant = null,
        Facts = null,
        Judgment = new JudicialDecisionRef("Dakar Court of Appeal", new DateOnly(2024, 5, 6), "Judgment 88/2024"),
        EnforceableSentenceProof = "Certificate of non-appeal of 2024-07-01",
        SentenceRemaining = "4 years and 2 months",
    };

    private static readonly RequestContent CompleteProvisionalArrest = new()
    {
        Kind = RequestKind.ProvisionalArrest,
        RequestedState = "BFA",
        Offences = [new Offence(null, null, null, "Life imprisonment")],
        Persons = [new PersonConcerned("person-sought", "E. F.", null, null, "Ouagadougou, Hôtel X", null)],
        Warrant = new JudicialDecisionRef("Investigating judge, Niamey", new DateOnly(2025, 2, 1), "MA-2025-3"),
        Facts = "Kidnapping for ransom in Tillabéri on 20 January 2025.",
        ExtraditionWillBeRequested = true,
        LegalProvisionsText = "Penal Code art. 331: kidnapping for ransom is punished by life imprisonment.",
        Language = "fr",
    };

    private static string MissingPaths(RequestContent content, IReadOnlyCollection<string>? languages = null, bool hasTranslationAnnex = false)
        => string.Join(", ", RequestCompleteness.Check(content, languages ?? French, hasTranslationAnnex).Select(m => m.Path));

    [Test]
    public void Check_CompleteRequestOfEachKind_NothingMissing()
    {
        using (Assert.EnterMultipleScope())
        {
            Assert.That(RequestCompleteness.Check(CompleteMla, French, false), Is.Empty);
            Assert.That(RequestCompleteness.Check(CompleteExtradition, French, false), Is.Empty);
            Assert.That(RequestCompleteness.Check(CompleteSentenceExtradition, French, false), Is.Empty);
            Assert.That(RequestCompleteness.Check(CompleteProvisionalArrest, French, false), Is.Empty);
        }
    }

    [Test]
    public void Check_MissingElement_HasAReason()
    {
        var missing = RequestCompleteness.Check(CompleteMla with { Facts = null }, French, false);

        Assert.That(missing, Is.EqualTo(new[] { new MissingElement("facts", "A summary of the relevant facts is required.") }));
    }

    // MLA

    [Test]
    public void Check_EmptyMla_EveryMissingElementInFormOrder()
    {
        var empty = new RequestContent { Kind = RequestKind.Mla, RequestedState = "" };

        Assert.That(MissingPaths(empty), Is.EqualTo(
            "requestedState, legalBases, subject, investigatingAuthority.name, investigatingAuthority.function, facts, offences, assistance, purpose, language"));
    }

    [Test]
    public void Check_MlaWithoutInvestigatingAuthority_NameAndFunction()
    {
        Assert.That(MissingPaths(CompleteMla with { InvestigatingAuthority = null }), Is.EqualTo("investigatingAuthority.name, investigatingAuthority.function"));
    }

    [Test]
    public void Check_MlaAuthorityFunctionBlank_Function()
    {
        Assert.That(MissingPaths(CompleteMla with { InvestigatingAuthority = new AuthorityRef("Juge", "  ") }), Is.EqualTo("investigatingAuthority.function"));
    }

    [Test]
    public void Check_MlaWithoutLegalBasis_LegalBases()
    {
        Assert.That(MissingPaths(CompleteMla with { LegalBases = [] }), Is.EqualTo("legalBases"));
    }

    [Test]
    public void Check_BilateralTreatyUnnamed_BilateralTreatyName()
    {
        Assert.That(MissingPaths(CompleteMla with { LegalBases = ["reciprocity", "bilateral-treaty"] }), Is.EqualTo("bilateralTreatyName"));
    }

    [Test]
    public void Check_BilateralTreatyNamed_NothingMissing()
    {
        Assert.That(MissingPaths(CompleteMla with { LegalBases = ["bilateral-treaty"], BilateralTreatyName = "Senegal-Mali 1962" }), Is.Empty);
    }

    [Test]
    public void Check_MlaWithoutSubject_Subject()
    {
        Assert.That(MissingPaths(CompleteMla with { Subject = "" }), Is.EqualTo("subject"));
    }

    [Test]
    public void Check_MlaWithoutOffence_Offences()
    {
        Assert.That(MissingPaths(CompleteMla with { Offences = [] }), Is.EqualTo("offences"));
    }

    [Test]
    public void Check_MlaOffenceEmpty_EachOfItsFourFields()
    {
        var content = CompleteMla with { Offences = [CompleteMla.Offences[0], new Offence(null, null, null, null)] };

        Assert.That(MissingPaths(content), Is.EqualTo(
            "offences[1].category, offences[1].description, offences[1].legalProvision, offences[1].maxPenalty"));
    }

    [Test]
    public void Check_MlaWithoutFacts_Facts()
    {
        Assert.That(MissingPaths(CompleteMla with { Facts = null }), Is.EqualTo("facts"));
    }

    [Test]
    public void Check_MlaOnlyServiceOfDocumentsWithoutFacts_NothingMissing()
    {
        var content = CompleteMla with
        {
            Facts = null,
            Assistance = [new AssistanceItem("service-of-documents", "Summons to appear", null), new AssistanceItem("service-of-documents", "Judgment", null)],
        };

        Assert.That(MissingPaths(content), Is.Empty);
    }

    [Test]
    public void Check_MlaServiceOfDocumentsAndMoreWithoutFacts_Facts()
    {
        var content = CompleteMla with
        {
            Facts = null,
            Assistance = [new AssistanceItem("service-of-documents", "Summons to appear", null), new AssistanceItem("freezing", "Account 123", null)],
        };

        Assert.That(MissingPaths(content), Is.EqualTo("facts"));
    }

    [Test]
    public void Check_MlaWithoutAssistance_Assistance()
    {
        Assert.That(MissingPaths(CompleteMla with { Assistance = [] }), Is.EqualTo("assistance"));
    }

    [Test]
    public void Check_MlaAssistanceItemEmpty_TypeAndDescription()
    {
        var content = CompleteMla with { Assistance = [new AssistanceItem(null, null, "Under oath")] };

        Assert.That(MissingPaths(content), Is.EqualTo("assistance[0].type, assistance[0].description"));
    }

    [Test]
    public void Check_MlaWithoutPurpose_Purpose()
    {
        Assert.That(MissingPaths(CompleteMla with { Purpose = null }), Is.EqualTo("purpose"));
    }

    [Test]
    public void Check_UrgentMlaWithoutReasonOrTimeLimit_Both()
    {
        Assert.That(MissingPaths(CompleteMla with { Urgency = Urgency.Urgent }), Is.EqualTo("urgencyReason, timeLimit"));
    }

    [Test]
    public void Check_UrgentMlaWithReasonAndTimeLimit_NothingMissing()
    {
        var content = CompleteMla with { Urgency = Urgency.Urgent, UrgencyReason = "Suspect leaves on 1 July", TimeLimit = new DateOnly(2025, 6, 30) };

        Assert.That(MissingPaths(content), Is.Empty);
    }

    [Test]
    public void Check_NormalMlaWithoutReasonOrTimeLimit_NothingMissing()
    {
        Assert.That(MissingPaths(CompleteMla with { Urgency = Urgency.Normal, UrgencyReason = null, TimeLimit = null }), Is.Empty);
    }

    [Test]
    public void Check_MlaPersonsIncomplete_NotRequiredWherePossibleOnly()
    {
        Assert.That(MissingPaths(CompleteMla with { Persons = [new PersonConcerned("witness", null, null, null, null, null)] }), Is.Empty);
    }

    // Language: every kind

    [Test]
    public void Check_WithoutLanguage_Language()
    {
        Assert.That(MissingPaths(CompleteMla with { Language = null }), Is.EqualTo("language"));
    }

    [Test]
    public void Check_LanguageNotAcceptedWithoutTranslation_LanguageNamingAcceptedOnes()
    {
        var missing = RequestCompleteness.Check(CompleteMla with { Language = "en" }, ["ar", "fr"], false);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(missing, Has.Count.EqualTo(1));
            Assert.That(missing[0].Path, Is.EqualTo("language"));
            Assert.That(missing[0].Reason, Does.Contain("ar, fr"));
        }
    }

    [Test]
    public void Check_LanguageNotAcceptedWithTranslationAnnex_NothingMissing()
    {
        Assert.That(MissingPaths(CompleteMla with { Language = "en" }, hasTranslationAnnex: true), Is.Empty);
    }

    [Test]
    public void Check_LanguageAcceptedInAnotherCase_NothingMissing()
    {
        Assert.That(MissingPaths(CompleteMla with { Language = "FR" }), Is.Empty);
    }

    [Test]
    public void Check_RequestedStateLanguagesUnknown_LanguageNotChecked()
    {
        Assert.That(MissingPaths(CompleteMla with { Language = "en" }, languages: []), Is.Empty);
    }

    [TestCase(RequestKind.Extradition)]
    [TestCase(RequestKind.ProvisionalArrest)]
    public void Check_ExtraditionKindsInLanguageNotAccepted_Language(RequestKind kind)
    {
        var content = (kind == RequestKind.Extradition ? CompleteExtradition : CompleteProvisionalArrest) with { Language = "pt" };

        Assert.That(MissingPaths(content), Is.EqualTo("language"));
    }

    // Extradition

    [Test]
    public void Check_EmptyExtradition_EveryMissingElementInFormOrder()
    {
        var empty = new RequestContent { Kind = RequestKind.Extradition, RequestedState = "NER" };

        Assert.That(MissingPaths(empty), Is.EqualTo("legalBases, persons, offences, extraditionPurpose, legalProvisionsText, language"));
    }

    [TestCase(RequestKind.Extradition)]
    [TestCase(RequestKind.ProvisionalArrest)]
    public void Check_ExtraditionKindsWithoutTheTextOfTheLaw_LegalProvisionsTextUnlessAnnexed(RequestKind kind)
    {
        var content = (kind == RequestKind.Extradition ? CompleteExtradition : CompleteProvisionalArrest) with { LegalProvisionsText = " " };

        using (Assert.EnterMultipleScope())
        {
            Assert.That(MissingPaths(content), Is.EqualTo("legalProvisionsText"));
            Assert.That(RequestCompleteness.Check(content, French, hasTranslationAnnex: false, hasLegalProvisionsAnnex: true), Is.Empty);
        }
    }

    [Test]
    public void Check_MlaWithoutTheTextOfTheLaw_NothingMissing()
    {
        Assert.That(MissingPaths(CompleteMla with { LegalProvisionsText = null }), Is.Empty);
    }

    [Test]
    public void Check_EmptyExtraditionForProsecution_WarrantAndFacts()
    {
        var empty = new RequestContent { Kind = RequestKind.Extradition, RequestedState = "NER", ExtraditionPurpose = ExtraditionPurpose.Prosecution };

        Assert.That(MissingPaths(empty), Is.EqualTo(
            "legalBases, persons, offences, warrant.issuingAuthority, warrant.date, warrant.reference, facts, legalProvisionsText, language"));
    }

    [Test]
    public void Check_EmptyExtraditionForSentence_JudgmentProofAndRemainder()
    {
        var empty = new RequestContent { Kind = RequestKind.Extradition, RequestedState = "NER", ExtraditionPurpose = ExtraditionPurpose.Sentence };

        Assert.That(MissingPaths(empty), Is.EqualTo(
            "legalBases, persons, offences, judgment.issuingAuthority, judgment.date, judgment.reference, enforceableSentenceProof, sentenceRemaining, legalProvisionsText, language"));
    }

    [Test]
    public void Check_ExtraditionWithoutPersonSought_Persons()
    {
        var content = CompleteExtradition with { Persons = [new PersonConcerned("accused", "C. D.", "SEN", null, "Niamey", null)] };

        Assert.That(MissingPaths(content), Is.EqualTo("persons"));
    }

    [Test]
    public void Check_ExtraditionPersonSoughtUndescribed_NameNationalityLocation()
    {
        var content = CompleteExtradition with
        {
            Persons = [CompleteExtradition.Persons[0], new PersonConcerned("person-sought", null, null, null, null, null)],
        };

        Assert.That(MissingPaths(content), Is.EqualTo("persons[1].fullName, persons[1].nationality, persons[1].location"));
    }

    [Test]
    public void Check_ExtraditionOffenceWithoutProvisionOrPenalty_Both()
    {
        var content = CompleteExtradition with { Offences = [new Offence("terrorism", "Attack", null, null)] };

        Assert.That(MissingPaths(content), Is.EqualTo("offences[0].legalProvision, offences[0].maxPenalty"));
    }

    [Test]
    public void Check_ExtraditionWithoutLegalBasis_LegalBases()
    {
        Assert.That(MissingPaths(CompleteExtradition with { LegalBases = [] }), Is.EqualTo("legalBases"));
    }

    [Test]
    public void Check_ExtraditionWithoutPurpose_ExtraditionPurpose()
    {
        Assert.That(MissingPaths(CompleteExtradition with { ExtraditionPurpose = null }), Is.EqualTo("extraditionPurpose"));
    }

    [Test]
    public void Check_ProsecutionWarrantWithoutDate_WarrantDate()
    {
        var content = CompleteExtradition with { Warrant = CompleteExtradition.Warrant! with { Date = null } };

        Assert.That(MissingPaths(content), Is.EqualTo("warrant.date"));
    }

    [Test]
    public void Check_ProsecutionWithoutFacts_Facts()
    {
        Assert.That(MissingPaths(CompleteExtradition with { Facts = " " }), Is.EqualTo("facts"));
    }

    [Test]
    public void Check_SentenceWithoutEnforceabilityProofOrRemainder_Both()
    {
        var content = CompleteSentenceExtradition with { EnforceableSentenceProof = null, SentenceRemaining = null };

        Assert.That(MissingPaths(content), Is.EqualTo("enforceableSentenceProof, sentenceRemaining"));
    }

    [Test]
    public void Check_SentenceJudgmentWithoutAuthority_JudgmentIssuingAuthority()
    {
        var content = CompleteSentenceExtradition with { Judgment = CompleteSentenceExtradition.Judgment! with { IssuingAuthority = null } };

        Assert.That(MissingPaths(content), Is.EqualTo("judgment.issuingAuthority"));
    }

    // Provisional arrest

    [Test]
    public void Check_EmptyProvisionalArrest_EveryMissingElementInFormOrder()
    {
        var empty = new RequestContent { Kind = RequestKind.ProvisionalArrest, RequestedState = "BFA" };

        Assert.That(MissingPaths(empty), Is.EqualTo("persons, warrant, offences, facts, extraditionWillBeRequested, legalProvisionsText, language"));
    }

    [Test]
    public void Check_ProvisionalArrestPersonSoughtUndescribed_NameAndLocationOnly()
    {
        var content = CompleteProvisionalArrest with { Persons = [new PersonConcerned("person-sought", null, null, null, null, null)] };

        Assert.That(MissingPaths(content), Is.EqualTo("persons[0].fullName, persons[0].location"));
    }

    [Test]
    public void Check_ProvisionalArrestOnJudgmentInsteadOfWarrant_NothingMissing()
    {
        var content = CompleteProvisionalArrest with
        {
            Warrant = null,
            Judgment = new JudicialDecisionRef("Niamey High Court", new DateOnly(2023, 3, 3), "J-12/2023"),
        };

        Assert.That(MissingPaths(content), Is.Empty);
    }

    [Test]
    public void Check_ProvisionalArrestWithoutWarrantOrJudgment_Warrant()
    {
        var content = CompleteProvisionalArrest with { Warrant = new JudicialDecisionRef(" ", null, null) };

        Assert.That(MissingPaths(content), Is.EqualTo("warrant"));
    }

    [Test]
    public void Check_ProvisionalArrestPartialJudgment_JudgmentFields()
    {
        var content = CompleteProvisionalArrest with { Warrant = null, Judgment = new JudicialDecisionRef(null, null, "J-12/2023") };

        Assert.That(MissingPaths(content), Is.EqualTo("judgment.issuingAuthority, judgment.date"));
    }

    [Test]
    public void Check_ProvisionalArrestOffenceWithoutPenalty_MaxPenalty()
    {
        var content = CompleteProvisionalArrest with { Offences = [new Offence("terrorism", "Attack", "art. 1", null)] };

        Assert.That(MissingPaths(content), Is.EqualTo("offences[0].maxPenalty"));
    }

    [Test]
    public void Check_ProvisionalArrestWithoutFacts_Facts()
    {
        Assert.That(MissingPaths(CompleteProvisionalArrest with { Facts = null }), Is.EqualTo("facts"));
    }

    [Test]
    public void Check_ProvisionalArrestWithoutExtraditionStatement_ExtraditionWillBeRequested()
    {
        Assert.That(MissingPaths(CompleteProvisionalArrest with { ExtraditionWillBeRequested = false }), Is.EqualTo("extraditionWillBeRequested"));
    }
}
