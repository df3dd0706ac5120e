using System.Text;
using Mla.Documents.Layout;
using UglyToad.PdfPig;

namespace Mla.Documents.Tests;

/// <summary>Text as a reader of the PDF gets it, through PdfPig.</summary>
internal static class PdfText
{
    public static IReadOnlyList<string> Pages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(p => p.Text)];
    }

    /// <summary>All pages, whitespace removed: PdfPig does not reliably keep spaces at line ends.</summary>
    public static string Squashed(byte[] pdf) => Squash(string.Concat(Pages(pdf)));

    /// <summary>Text between the running header and the footer of every page, in reading order, whitespace removed.</summary>
    public static string SquashedBody(byte[] pdf, int letterheadLines)
    {
        var frame = PageFrame.A4(letterheadLines);
        var builder = new StringBuilder();
        using var document = PdfDocument.Open(pdf);
        foreach (var page in document.GetPages())
        {
            foreach (var letter in page.Letters)
            {
                var fromTop = page.Height - letter.StartBaseLine.Y;
                if (fromTop > frame.BodyTop - 12 && fromTop < frame.BodyBottom + 18)
                {
                    builder.Append(letter.Value);
                }
            }
        }

        return Squash(builder.ToString());
    }

    public static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
