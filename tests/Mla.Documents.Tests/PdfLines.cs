using System.Text;
using Mla.Documents.Layout;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Content;

namespace Mla.Documents.Tests;

/// <summary>A run of text on one line, in one column: a paragraph line, a label, a value, a table cell.
/// <c>X</c> is its left edge in points from the left of the page, <c>Right</c> the right edge of its last glyph.</summary>
internal sealed record PdfSegment(double X, double Right, string Text, double Size, bool Bold)
{
    public string Squashed => PdfText.Squash(Text);
}

/// <summary>One line of the body of a page: its baseline in points from the top, and its segments left to right.</summary>
internal sealed record PdfLine(double Baseline, IReadOnlyList<PdfSegment> Segments)
{
    public string Text => string.Join(' ', Segments.Select(s => s.Text));

    public string Squashed => PdfText.Squash(Text);

    public bool AllBold => Segments.All(s => s.Bold);

    public double Size => Segments.Max(s => s.Size);
}

/// <summary>What a page shows, read back from the PDF with PdfPig: the body's lines (between the running header and
/// the footer, watermark left out) and every character of the page.</summary>
internal sealed record PdfPageLines(int Number, IReadOnlyList<PdfLine> Body, string AllText)
{
    public string SquashedBody => string.Concat(Body.Select(l => l.Squashed));
}

internal static class PdfLines
{
    /// <summary>Wider than any word space, narrower than the gap between a label and its value or two table cells.</summary>
    private const double ColumnGap = 4.5;

    public static IReadOnlyList<PdfPageLines> Read(byte[] pdf, int letterheadLines)
    {
        var frame = PageFrame.A4(letterheadLines);
        using var document = PdfDocument.Open(pdf);
        var pages = new List<PdfPageLines>();
        foreach (var page in document.GetPages())
        {
            var all = new StringBuilder();
            var body = new List<Letter>();
            foreach (var letter in page.Letters)
            {
                all.Append(letter.Value);
                var fromTop = page.Height - letter.StartBaseLine.Y;
                if (letter.PointSize < 50 && fromTop > frame.BodyTop - 12 && fromTop < frame.BodyBottom + 18)
                {
                    body.Add(letter);
                }
            }

            var lines = body
                .GroupBy(l => Math.Round(page.Height - l.StartBaseLine.Y, 1))
                .OrderBy(g => g.Key)
                .Select(g => new PdfLine(g.Key, Segments(g.OrderBy(l => l.StartBaseLine.X).ToList())))
                .ToList();
            pages.Add(new PdfPageLines(page.Number, lines, all.ToString()));
        }

        return pages;
    }

    private static List<PdfSegment> Segments(List<Letter> letters)
    {
        var segments = new List<PdfSegment>();
        var start = 0;
        for (var i = 1; i <= letters.Count; i++)
        {
            if (i == letters.Count || letters[i].StartBaseLine.X - letters[i - 1].EndBaseLine.X > ColumnGap)
            {
                var run = letters.GetRange(start, i - start);
                segments.Add(new PdfSegment(
                    run[0].StartBaseLine.X,
                    run[^1].EndBaseLine.X,
                    string.Concat(run.Select(l => l.Value)).Trim(),
                    Math.Round(run.Max(l => l.PointSize), 1),
                    run.Where(l => !string.IsNullOrWhiteSpace(l.Value)).All(l => l.FontName?.Contains("Bold", StringComparison.Ordinal) == true)));
                start = i;
            }
        }

        return segments;
    }
}
