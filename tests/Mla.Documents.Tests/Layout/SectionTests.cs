using Mla.Documents.Layout;

namespace Mla.Documents.Tests.Layout;

public class SectionTests
{
    private static readonly PageFrame Frame = PageFrame.A4(1);

    // Enough filler counts that the section's start meets the end of page 1 at every line.
    private static IEnumerable<int> Fillers() => Enumerable.Range(30, 16);

    [TestCaseSource(nameof(Fillers))]
    public void Section_KeptTogetherNearThePageEnd_WholeOnOnePageUnderItsHeading(int fillers)
    {
        var pages = Lay(fillers, new Section(new Heading("6. Mandat d’arrêt"), Fields(4)) { KeepTogether = true });

        var page = pages.FindIndex(p => p.Contains("6. Mandat d’arrêt"));
        Assert.That(Enumerable.Range(1, 4).Select(i => $"Valeur {i}"), Is.SubsetOf(pages[page]), $"page {page + 1} holds the heading, not all the fields");
    }

    [Test]
    public void Section_KeptTogetherLongerThanAPage_SplitWithItsHeadingRepeatedOnEachContinuationPage()
    {
        var pages = Lay(10, new Section(new Heading("1. Ibrahim Sow", HeadingLevel.Record), Fields(120)) { KeepTogether = true, ContinuedSuffix = "(suite)" });

        var withFields = pages.Where(p => p.Any(t => t.StartsWith("Valeur", StringComparison.Ordinal))).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(withFields, Has.Count.GreaterThan(2));
            Assert.That(withFields[0], Does.Contain("1. Ibrahim Sow"), "the section starts where it is, not on a new page");
            Assert.That(withFields.Skip(1).Select(p => p[0]), Has.All.EqualTo("1. Ibrahim Sow (suite)"), "each continuation page starts with the heading and the suffix");
            Assert.That(pages.SelectMany(p => p).Where(t => t.StartsWith("Valeur", StringComparison.Ordinal)), Is.EqualTo(Enumerable.Range(1, 120).Select(i => $"Valeur {i}")), "nothing lost or reordered");
        });
    }

    [TestCaseSource(nameof(Fillers))]
    public void Section_HeadingNearThePageEnd_FollowedByTwoLinesOfItsContentOnItsPage(int fillers)
    {
        var pages = Lay(fillers, new Section(new Heading("5. Exposé des faits"), [new Paragraph(string.Join(' ', Enumerable.Repeat("Les enquêteurs ont constaté des virements suspects.", 12)))]));

        var page = pages.Single(p => p.Contains("5. Exposé des faits"));
        Assert.That(page.Count - 1 - page.IndexOf("5. Exposé des faits"), Is.GreaterThanOrEqualTo(2));
    }

    [TestCaseSource(nameof(Fillers))]
    public void Section_WithoutHeading_ClosingFormulaAndSignatureNeverApart(int fillers)
    {
        var pages = Lay(fillers, new Section(null, [new Spacer(6), new Paragraph("Formule de politesse, assez longue pour tenir sur deux lignes de la lettre, avec l’assurance de la haute considération de l’autorité."), new SignatureBlock("Fatoumata Coulibaly", "Directrice")]) { KeepTogether = true });

        var formula = pages.FindIndex(p => p.Any(t => t.StartsWith("Formule", StringComparison.Ordinal)));
        var signature = pages.FindIndex(p => p.Contains("Fatoumata Coulibaly"));
        Assert.That(signature, Is.EqualTo(formula));
    }

    /// <summary>Filler paragraphs, then the block; the text of each page, line by line.</summary>
    private static List<List<string>> Lay(int fillers, LayoutBlock block)
    {
        var document = new LayoutDocument(new DocumentMetadata("t", "a", "s", "Mla", new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc))) { LetterheadLines = ["République du Mali"] };
        for (var i = 0; i < fillers; i++)
        {
            document.Add(new Paragraph($"Paragraphe de remplissage numéro {i}.") { SpaceAfter = 2 });
        }

        document.Add(block);
        return [.. document.Layout(Frame).Select(page => page.Operations.OfType<TextOperation>().OrderBy(t => t.Top).ThenBy(t => t.X).Select(t => t.Text).ToList())];
    }

    private static List<LayoutBlock> Fields(int count) =>
        [.. Enumerable.Range(1, count).Select(i => new LabelledField($"Champ {i}", $"Valeur {i}"))];
}
