using Mla.Documents.Resources;

namespace Mla.Documents.Tests.Resources;

public class WordingTests
{
    [Test]
    public void Wording_EveryLanguageFile_HasExactlyTheSameKeys()
    {
        var reference = Wording.For(Wording.AvailableLanguages[0]).Keys.ToHashSet(StringComparer.Ordinal);

        Assert.Multiple(() =>
        {
            Assert.That(Wording.AvailableLanguages, Has.Count.GreaterThanOrEqualTo(3));
            foreach (var language in Wording.AvailableLanguages)
            {
                var keys = Wording.For(language).Keys.ToHashSet(StringComparer.Ordinal);
                Assert.That(keys.Except(reference), Is.Empty, $"keys only in '{language}'");
                Assert.That(reference.Except(keys), Is.Empty, $"keys missing from '{language}'");
            }
        });
    }

    [TestCase("fr", "3 mars 2026")]
    [TestCase("en", "3 March 2026")]
    [TestCase("pt", "3 de março de 2026")]
    public void FormatDate_DocumentLanguage_MonthWrittenInThatLanguage(string language, string expected)
    {
        Assert.That(Wording.For(language).FormatDate(new DateOnly(2026, 3, 3)), Is.EqualTo(expected));
    }

    [Test]
    public void For_UnknownLanguage_ThrowsListingAvailableOnes()
    {
        Assert.That(() => Wording.For("xx"), Throws.ArgumentException.With.Message.Contains("en, fr, pt"));
    }

    [Test]
    public void Wording_EveryCodeOfTheDomain_HasTextInEveryLanguage()
    {
        string[] codes =
        [
            .. new[] { "BEN", "BFA", "CPV", "CIV", "GMB", "GHA", "GIN", "GNB", "LBR", "MLI", "MRT", "NER", "NGA", "SEN", "SLE", "TCD", "TGO" }.Select(c => $"state.{c}"),
            .. new[] { "ecowas-mla-1992", "ecowas-extradition-1994", "untoc-2000", "uncac-2003", "un-drugs-1988", "terrorism-financing-1999", "bilateral-treaty", "reciprocity" }.Select(c => $"legalBasis.{c}"),
            .. new[]
            {
                "terrorism", "terrorism-financing", "drug-trafficking", "trafficking-in-persons", "migrant-smuggling", "arms-trafficking",
                "money-laundering", "corruption", "economic-financial-crime", "cybercrime", "kidnapping-for-ransom", "banditry-armed-robbery", "other",
            }.Select(c => $"offence.{c}"),
            .. new[]
            {
                "taking-evidence", "service-of-documents", "search-and-seizure", "freezing", "examining-objects-sites", "information-evidence-expertise",
                "records", "tracing-proceeds", "confiscation", "voluntary-appearance", "videoconference-hearing", "temporary-transfer", "electronic-evidence", "other",
            }.Select(c => $"assistance.{c}"),
            .. new[] { "suspect", "accused", "convicted-person", "person-sought", "witness", "victim", "expert", "asset-holder", "person-to-be-served", "other" }.Select(c => $"role.{c}"),
            .. new[] { "prosecution", "sentence" }.Select(c => $"extraditionPurpose.{c}"),
            .. RequestDocumentKinds.All.Select(k => $"document.title.{k}"),
        ];

        Assert.Multiple(() =>
        {
            foreach (var language in Wording.AvailableLanguages)
            {
                var keys = Wording.For(language).Keys.ToHashSet(StringComparer.Ordinal);
                Assert.That(codes.Where(c => !keys.Contains(c)), Is.Empty, language);
            }
        });
    }

    [TestCase("fr", "accused", "Inculpé")]
    [TestCase("en", "accused", "Charged person")]
    [TestCase("pt", "accused", "Arguido")]
    [TestCase("fr", "convicted-person", "Condamné")]
    [TestCase("fr", "asset-holder", "Titulaire d’avoirs ou de comptes")]
    [TestCase("en", "asset-holder", "Holder of assets or accounts")]
    [TestCase("pt", "asset-holder", "Titular de bens ou contas")]
    public void Code_PersonRole_UsesTheTermOfThatLanguage(string language, string role, string expected)
    {
        Assert.That(Wording.For(language).Code("role", role), Is.EqualTo(expected));
    }

    [Test]
    public void Code_ChargedPersonInEnglish_NeverTranslatedAsAccused()
    {
        // "Inculpé" is a person charged and under a judge's investigation, not yet before a court: "accused" would be wrong.
        Assert.That(Wording.For("en").Code("role", "accused"), Does.Not.Contain("ccused"));
    }

    [Test]
    public void Wording_Portuguese_IsEuropeanPortugueseAsCaboVerdeAndGuineaBissauWriteIt()
    {
        var pt = Wording.For("pt");

        Assert.Multiple(() =>
        {
            Assert.That(pt["label.enforceableSentenceProof"], Does.StartWith("Carácter"));
            Assert.That(pt.Keys.Select(k => pt[k]), Has.None.Contains("Caráter"));
        });
    }

    [Test]
    public void Wording_EveryEntryInEveryLanguage_UsesTypographicApostrophes()
    {
        Assert.Multiple(() =>
        {
            foreach (var language in Wording.AvailableLanguages)
            {
                var wording = Wording.For(language);
                Assert.That(wording.Keys.Where(k => wording[k].Contains('\'', StringComparison.Ordinal)), Is.Empty, language);
            }
        });
    }

    [Test]
    public void Wording_French_NoBreakingSpaceBeforeAColon()
    {
        var fr = Wording.For("fr");

        Assert.That(fr.Keys.Where(k => fr[k].Contains(" :", StringComparison.Ordinal)), Is.Empty);
    }

    [Test]
    public void StateName_UnknownIso3_FallsBackToTheCode()
    {
        Assert.That(Wording.For("fr").StateName("FRA"), Is.EqualTo("FRA"));
    }
}
