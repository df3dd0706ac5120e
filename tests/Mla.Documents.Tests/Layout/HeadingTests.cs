using Mla.Documents.Layout;

namespace Mla.Documents.Tests.Layout;

public sealed class HeadingTests
{
    // Filler counts around the one that leaves a heading at the very bottom of page 1.
    private static IEnumerable<int> Range() => Enumerable.Range(28, 8);

    [TestCaseSource(nameof(Range))]
    public void Heading_FollowedByATableThatDoesNotFitBelowIt_MovesToTheTablesPage(int fillerParagraphs)
    {
        var document = new LayoutDocument(new DocumentMetadata("t", "a", "s", "Mla", new DateTime(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc)));
        for (var i = 0; i < fillerParagraphs; i++)
        {
            document.Add(new Paragraph($"Filler paragraph number {i}."));
        }

        document.Add(new Heading("Assistance sought"));
        document.Add(new Table(
            ["Type", "Description"],
            [["Records", string.Join(' ', Enumerable.Repeat("Bank statements of every account held by the company.", 6))]],
            [1, 3]));

        var pages = PdfText.Pages(document.Render()).Select(PdfText.Squash).ToList();

        var headingPage = pages.FindIndex(page => page.Contains("Assistancesought", StringComparison.Ordinal));
        var tablePage = pages.FindIndex(page => page.Contains("Description", StringComparison.Ordinal));
        Assert.That(headingPage, Is.EqualTo(tablePage), "a heading never sits alone at the bottom of a page");
    }
}
