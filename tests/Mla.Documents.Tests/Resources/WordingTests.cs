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

    [Test]
    public void StateName_UnknownIso3_FallsBackToTheCode()
    {
        Assert.That(Wording.For("fr").StateName("FRA"), Is.EqualTo("FRA"));
    }
}
