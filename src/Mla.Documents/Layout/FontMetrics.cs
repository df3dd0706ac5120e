using Mla.Documents.Fonts;
using PdfSharp.Drawing;

namespace Mla.Documents.Layout;

/// <summary>
/// Advance widths per character, measured once with <see cref="XGraphics.MeasureString(string, XFont)"/> and cached
/// for the life of the process. PDFsharp applies no kerning, so a string measures as the sum of its characters:
/// wrapping and breaking long words then cost an array lookup per character instead of a call into PDFsharp per try.
/// </summary>
internal static class FontMetrics
{
    // DejaVu Sans vertical metrics (hhea ascender 1901, descender 483, units per em 2048).
    public const double Ascent = 1901.0 / 2048;
    public const double LineSpacing = (1901.0 + 483) / 2048;

    private const double ReferenceSize = 100;
    private static readonly Lock MeasureLock = new();
    private static readonly double[]?[][] Widths = [new double[]?[256], new double[]?[256], new double[]?[256]];
    private static XGraphics? _measureContext;
    private static XFont[]? _referenceFonts;

    /// <summary>Width of <paramref name="text"/> at size 1.</summary>
    public static double Measure(FontFace face, ReadOnlySpan<char> text)
    {
        double width = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (char.IsSurrogate(text[i]))
            {
                // Rare outside Latin scripts: measure the whole string rather than half a code point.
                return MeasureWithPdfSharp(face, text.ToString());
            }

            width += Measure(face, text[i]);
        }

        return width;
    }

    /// <summary>Width of one character at size 1.</summary>
    public static double Measure(FontFace face, char c)
    {
        var block = Volatile.Read(ref Widths[(int)face][c >> 8]);
        if (block is not null)
        {
            var cached = block[c & 0xFF];
            if (!double.IsNaN(cached))
            {
                return cached;
            }
        }

        return MeasureAndCache(face, c);
    }

    private static double MeasureAndCache(FontFace face, char c)
    {
        lock (MeasureLock)
        {
            ref var block = ref Widths[(int)face][c >> 8];
            if (block is null)
            {
                var fresh = new double[256];
                Array.Fill(fresh, double.NaN);
                Volatile.Write(ref block, fresh);
            }

            var width = MeasureWithPdfSharpLocked(face, c.ToString());
            block![c & 0xFF] = width;
            return width;
        }
    }

    private static double MeasureWithPdfSharp(FontFace face, string text)
    {
        lock (MeasureLock)
        {
            return MeasureWithPdfSharpLocked(face, text);
        }
    }

    private static double MeasureWithPdfSharpLocked(FontFace face, string text)
    {
        if (_measureContext is null)
        {
            DocumentFonts.EnsureInstalled();
            _measureContext = XGraphics.CreateMeasureContext(new XSize(1000, 1000), XGraphicsUnit.Point, XPageDirection.Downwards);
            _referenceFonts =
            [
                new XFont(DocumentFonts.FamilyName, ReferenceSize, XFontStyleEx.Regular),
                new XFont(DocumentFonts.FamilyName, ReferenceSize, XFontStyleEx.Bold),
                new XFont(DocumentFonts.FamilyName, ReferenceSize, XFontStyleEx.Italic),
            ];
        }

        return _measureContext.MeasureString(text, _referenceFonts![(int)face]).Width / ReferenceSize;
    }
}
