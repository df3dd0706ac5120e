using System.Globalization;
using System.Text;
using Mla.Documents.Resources;
using UglyToad.PdfPig;

namespace Mla.Documents.Tests;

public class RequestDocumentGeneratorTests
{
    private static readonly string[] Languages = ["fr", "en", "pt"];

    private static IEnumerable<TestCaseData> KindsAndLanguages() =>
        from kind in RequestDocumentKinds.All
        from language in Languages
        select new TestCaseData(kind, language).SetArgDisplayNames(kind, language);

    [TestCaseSource(nameof(KindsAndLanguages))]
    public void Generate_CompleteRequest_PrintsEveryRequiredElementOfItsKind(string kind, string language)
    {
        var model = SampleRequests.ForKind(kind, language);
        var w = Wording.For(language);

        var text = PdfText.Squashed(RequestDocumentGenerator.Generate(model));

        var expected = new List<string>
        {
            w[$"document.title.{kind}"], model.ReferenceNumber!, w.StateName("MLI"), w.StateName(model.RequestedStateIso3), w["language.self"],
            w["section.authorities"], model.RequestingCentralAuthority.Name, model.RequestingCentralAuthority.Address!,
            model.InvestigatingAuthority!.Name, model.InvestigatingAuthority.Function!,
            w["section.legalBasis"], w.Code("legalBasis", "ecowas-mla-1992"), w.Code("legalBasis", "untoc-2000"), model.BilateralTreatyName!,
            w["section.offences"], w.Code("offence", "money-laundering"), w.Code("offence", "drug-trafficking"),
            w["section.facts"], model.Facts!,
            w["section.urgency"], model.UrgencyReason!, w.FormatDate(model.TimeLimit!.Value),
            w["section.confidentiality"], w["text.confidentiality"],
            w["section.annexes"], w.Format("annex.line", ("number", "1"), ("text", "Commission rogatoire internationale")),
            model.Signatory.Name, model.Signatory.Function!, w.Format("header.placeDate", ("place", "Bamako"), ("date", w.FormatDate(model.Date))),
        };
        expected.AddRange(model.Offences.SelectMany(o => new[] { o.Description, o.LegalProvision!, o.MaxPenalty! }));
        expected.AddRange(model.Persons.SelectMany(p => new[] { p.FullName, w.Code("role", p.RoleCode), w.StateName(p.NationalityIso3!) }));
        expected.AddRange(model.Persons.Where(p => p.Location is not null).Select(p => p.Location!));
        expected.AddRange(model.Persons.Where(p => p.DateOfBirth is not null).Select(p => w.FormatDate(p.DateOfBirth!.Value)));
        expected.AddRange(kind switch
        {
            RequestDocumentKinds.Mla =>
            [
                w["section.subject"], model.Subject!, w["section.assistance"], w["section.persons"], w["section.purpose"], model.Purpose!,
                .. model.AssistanceItems.SelectMany(a => new[] { w.Code("assistance", a.TypeCode), a.Description, a.Procedure! }),
            ],
            RequestDocumentKinds.Extradition =>
            [
                w["section.personSought"], w["section.warrant"], model.ExtraditionWarrant!.IssuingAuthority, model.ExtraditionWarrant.Reference!,
                w.FormatDate(model.ExtraditionWarrant.Date!.Value), w["section.judgment"], model.Judgment!.Reference!, model.EnforceableSentenceProof!,
                model.SentenceRemaining!, model.RetrialInAbsentia!, w["section.extraditionPurpose"], w.Code("extraditionPurpose", "prosecution"),
            ],
            _ =>
            [
                w["section.personSought"], w["section.extraditionUndertaking"], w["text.extraditionWillBeRequested"],
                w["section.warrant"], model.ExtraditionWarrant!.Reference!, w["section.judgment"], model.Judgment!.Reference!,
            ],
        });

        Assert.Multiple(() =>
        {
            foreach (var item in expected)
            {
                Assert.That(text, Does.Contain(PdfText.Squash(item)), $"'{item}' missing from the {kind} document in {language}");
            }
        });
    }

    [TestCaseSource(nameof(KindsAndLanguages))]
    public void Generate_CompleteRequest_SectionsInTheOrderOfItsKind(string kind, string language)
    {
        var w = Wording.For(language);
        var text = PdfText.Squashed(RequestDocumentGenerator.Generate(SampleRequests.ForKind(kind, language)));

        string[] order = kind switch
        {
            RequestDocumentKinds.Mla => ["authorities", "legalBasis", "subject", "offences", "facts", "assistance", "persons", "purpose", "urgency", "confidentiality", "annexes"],
            RequestDocumentKinds.Extradition => ["authorities", "legalBasis", "personSought", "subject", "offences", "warrant", "facts", "judgment", "extraditionPurpose", "persons", "urgency", "confidentiality", "annexes"],
            _ => ["authorities", "legalBasis", "personSought", "extraditionUndertaking", "warrant", "judgment", "subject", "offences", "facts", "persons", "urgency", "confidentiality", "annexes"],
        };
        var positions = order.Select((key, i) => text.IndexOf(PdfText.Squash($"{i + 1}. {w[$"section.{key}"]}"), StringComparison.Ordinal)).ToList();

        Assert.Multiple(() =>
        {
            Assert.That(positions, Is.All.GreaterThanOrEqualTo(0), "a section is missing");
            Assert.That(positions, Is.Ordered, "sections out of order");
        });
    }

    [Test]
    public void Generate_AccentsQuotesAndDashes_RoundTripToText()
    {
        const string Special = "é ç ã ñ ’ — « » ÉÇÃÑ œ ü ß";
        var model = SampleRequests.Mla() with { Subject = Special, Facts = $"Début {Special} fin." };

        var text = PdfText.Squashed(RequestDocumentGenerator.Generate(model));

        Assert.That(text, Does.Contain(PdfText.Squash(Special)).And.Contain(PdfText.Squash($"Début {Special} fin.")));
    }

    [Test]
    public void Generate_MarkupLikeInput_PrintedLiterally()
    {
        var model = SampleRequests.Mla() with { Subject = "<b>x</b> {{x}} {0} &amp; %s", Facts = "Avant\n*bold* _it_ # titre\n\\n fin" };

        var text = PdfText.Squashed(RequestDocumentGenerator.Generate(model));

        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("<b>x</b>{{x}}{0}&amp;%s"));
            Assert.That(text, Does.Contain("Avant*bold*_it_#titre\\nfin"));
        });
    }

    [Test]
    public void Generate_FiftyThousandCharacterFacts_EverySentenceSurvivesAcrossPages()
    {
        var facts = new StringBuilder();
        var count = 0;
        while (facts.Length < 50_000)
        {
            count++;
            facts.Append(CultureInfo.InvariantCulture, $"Phrase n° {count:00000} : les enquêteurs ont constaté un virement suspect vers Dakar. ");
            if (count % 12 == 0)
            {
                facts.Append('\n');
            }
        }

        var model = SampleRequests.Mla() with { Facts = facts.ToString() };

        var pdf = RequestDocumentGenerator.Generate(model);
        var body = PdfText.SquashedBody(pdf, model.RequestingCentralAuthority.LetterheadLines.Count);

        Assert.Multiple(() =>
        {
            Assert.That(facts.Length, Is.GreaterThanOrEqualTo(50_000));
            Assert.That(PdfText.Pages(pdf), Has.Count.GreaterThan(1));
            var missing = Enumerable.Range(1, count)
                .Where(i => !body.Contains(PdfText.Squash($"Phrase n° {i:00000} : les enquêteurs ont constaté un virement suspect vers Dakar."), StringComparison.Ordinal))
                .ToList();
            Assert.That(missing, Is.Empty, "sentences lost");
            Assert.That(body, Does.Contain(PdfText.Squash(facts.ToString())), "facts not in one piece, in order");
        });
    }

    [TestCase("fr", "page {0} sur {1}")]
    [TestCase("en", "page {0} of {1}")]
    [TestCase("pt", "página {0} de {1}")]
    public void Generate_MultiPageDocument_FooterShowsPageXOfYInItsLanguage(string language, string pattern)
    {
        var model = SampleRequests.Mla(language) with { Facts = string.Concat(Enumerable.Repeat("Les faits sont longs et détaillés. ", 600)) };

        var pages = PdfText.Pages(RequestDocumentGenerator.Generate(model));

        Assert.That(pages, Has.Count.GreaterThan(2));
        Assert.Multiple(() =>
        {
            for (var i = 0; i < pages.Count; i++)
            {
                var label = string.Format(CultureInfo.InvariantCulture, pattern, i + 1, pages.Count);
                Assert.That(PdfText.Squash(pages[i]), Does.Contain(PdfText.Squash(label)).And.Contain(model.ReferenceNumber), $"page {i + 1}");
            }
        });
    }

    [TestCase("fr", "PROJET")]
    [TestCase("en", "DRAFT")]
    [TestCase("pt", "RASCUNHO")]
    public void Generate_Draft_MarkedOnEveryPageInItsLanguage(string language, string marking)
    {
        var model = SampleRequests.Mla(language, isDraft: true) with { Facts = string.Concat(Enumerable.Repeat("Des faits. ", 900)) };

        var pages = PdfText.Pages(RequestDocumentGenerator.Generate(model));

        Assert.That(pages, Has.Count.GreaterThan(1));
        Assert.That(pages, Has.All.Contains(marking));
    }

    [TestCase("fr", "PROJET")]
    [TestCase("en", "DRAFT")]
    [TestCase("pt", "RASCUNHO")]
    public void Generate_Final_HasNoDraftMarking(string language, string marking)
    {
        var pages = PdfText.Pages(RequestDocumentGenerator.Generate(SampleRequests.Mla(language)));

        Assert.That(pages, Has.None.Contains(marking));
    }

    [Test]
    public void Generate_DraftWithoutReference_PrintsPlaceholder()
    {
        var text = PdfText.Squashed(RequestDocumentGenerator.Generate(SampleRequests.Mla("en", isDraft: true)));

        Assert.That(text, Does.Contain(PdfText.Squash("[number to be assigned]")));
    }

    [TestCaseSource(typeof(RequestDocumentKinds), nameof(RequestDocumentKinds.All))]
    public void Generate_NothingOptionalFilledIn_OptionalSectionsAbsent(string kind)
    {
        var w = Wording.For("fr");
        var text = PdfText.Squashed(RequestDocumentGenerator.Generate(SampleRequests.Minimal(kind)));

        string[] optional =
        [
            "section.legalBasis", "section.subject", "section.offences", "section.facts", "section.assistance", "section.persons",
            "section.personSought", "section.purpose", "section.urgency", "section.confidentiality", "section.warrant", "section.judgment",
            "section.extraditionPurpose", "section.extraditionUndertaking", "section.annexes", "marking.urgent", "marking.confidential",
            "label.supplements",
        ];
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain(PdfText.Squash(w[$"document.title.{kind}"])));
            Assert.That(text, Does.Contain(PdfText.Squash($"1. {w["section.authorities"]}")));
            foreach (var key in optional)
            {
                Assert.That(text, Does.Not.Contain(PdfText.Squash(w[key])), key);
            }
        });
    }

    [Test]
    public void Generate_WordLongerThanTheLine_BrokenNotDropped()
    {
        var word = string.Concat(Enumerable.Range(0, 40).Select(i => $"Segment{i:00}"));
        var model = SampleRequests.Mla() with { Subject = $"Avant {word} après", Offences = [new DocumentOffence("other", word, word, word)] };

        var text = PdfText.Squashed(RequestDocumentGenerator.Generate(model));

        Assert.That(text, Does.Contain($"Avant{word}après"));
        Assert.That(text.Split(word).Length - 1, Is.GreaterThanOrEqualTo(4));
    }

    [Test]
    public void Generate_UnknownStateAndCodes_PrintedAsCodes()
    {
        var model = SampleRequests.Mla() with
        {
            RequestedStateIso3 = "FRA",
            Offences = [new DocumentOffence("piracy", "Piraterie")],
            Persons = [new DocumentPerson("informant", "Jean Dupont", "BEL")],
        };

        var text = PdfText.Squashed(RequestDocumentGenerator.Generate(model));

        Assert.That(text, Does.Contain("FRA").And.Contain("BEL").And.Contain("piracy").And.Contain("informant"));
    }

    [Test]
    public void Generate_AnyRequest_WritesMetadataFromTheModel()
    {
        using var pdf = PdfDocument.Open(RequestDocumentGenerator.Generate(SampleRequests.Mla()));

        Assert.Multiple(() =>
        {
            Assert.That(pdf.Information.Title, Is.EqualTo("Demande d’entraide judiciaire en matière pénale"));
            Assert.That(pdf.Information.Author, Is.EqualTo(SampleRequests.MaliCentralAuthority.Name));
            Assert.That(pdf.Information.Subject, Is.EqualTo("MLI-AC-2026-0042"));
            Assert.That(pdf.Information.Creator, Is.EqualTo("Mla"));
            Assert.That(pdf.Information.CreationDate, Does.StartWith("D:20260303"));
        });
    }

    [Test]
    public void Generate_SameModelTwice_SameBytes()
    {
        var first = RequestDocumentGenerator.Generate(SampleRequests.Extradition("pt"));
        var second = RequestDocumentGenerator.Generate(SampleRequests.Extradition("pt"));

        Assert.That(second, Is.EqualTo(first));
    }

    [Test]
    public async Task Generate_ConcurrentCalls_SameBytesAsOneAtATime()
    {
        var models = RequestDocumentKinds.All.SelectMany(kind => Languages.Select(language => SampleRequests.ForKind(kind, language))).ToList();
        var expected = models.Select(RequestDocumentGenerator.Generate).ToList();

        var actual = await Task.WhenAll(Enumerable.Range(0, 4).SelectMany(_ => models).Select(m => Task.Run(() => RequestDocumentGenerator.Generate(m))));

        Assert.That(actual, Is.EqualTo(Enumerable.Range(0, 4).SelectMany(_ => expected)));
    }

    [Test]
    public void Generate_UnknownLanguage_ThrowsListingSupportedOnes()
    {
        var model = SampleRequests.Mla() with { Language = "de" };

        Assert.That(() => RequestDocumentGenerator.Generate(model),
            Throws.ArgumentException.With.Message.Contains("'de'").And.Message.Contains("en, fr, pt"));
    }

    [Test]
    public void Generate_UnknownKind_ThrowsListingSupportedOnes()
    {
        var model = SampleRequests.Mla() with { Kind = "transfer" };

        Assert.That(() => RequestDocumentGenerator.Generate(model),
            Throws.ArgumentException.With.Message.Contains("mla, extradition, provisional-arrest"));
    }

    [Test]
    public void SupportedLanguages_EmbeddedWordingFiles_AreFrenchEnglishPortuguese()
    {
        Assert.That(RequestDocumentGenerator.SupportedLanguages, Is.EqualTo(Languages.Order(StringComparer.Ordinal)));
    }
}
