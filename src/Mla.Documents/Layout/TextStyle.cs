using PdfSharp.Drawing;

namespace Mla.Documents.Layout;

public enum FontFace
{
    Regular,
    Bold,
    Italic,
}

/// <summary>A face, a size and the height of one line; measures text without a page.</summary>
public sealed record TextStyle(FontFace Face, double Size, double LineHeight)
{
    /// <summary>Grey level of the text, 0 (black) to 255 (white).</summary>
    public byte Grey { get; init; }

    public double Measure(ReadOnlySpan<char> text) => FontMetrics.Measure(Face, text) * Size;

    public double Measure(char c) => FontMetrics.Measure(Face, c) * Size;

    /// <summary>Distance from the top of a line to the baseline of its text, centring the glyphs in the line.</summary>
    internal double BaselineOffset => ((LineHeight - (Size * FontMetrics.LineSpacing)) / 2) + (Size * FontMetrics.Ascent);

    internal XFontStyleEx XStyle => Face switch
    {
        FontFace.Bold => XFontStyleEx.Bold,
        FontFace.Italic => XFontStyleEx.Italic,
        _ => XFontStyleEx.Regular,
    };
}
