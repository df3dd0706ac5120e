using System.Text;

namespace Mla.Documents.Layout;

/// <summary>
/// Breaks text into lines no wider than a width, word by word, after <see cref="TextNormaliser"/> has made it
/// typographic. Line breaks in the text are kept. A line never breaks at a no-break space: "750 000", "n° 12" or
/// "48 heures" stay on one line. Only a run joined by no-break spaces that is wider than the whole line is broken,
/// at those spaces first, and a single word wider than the line between characters. Nothing is ever dropped.
/// </summary>
public static class TextWrapper
{
    public static List<string> Wrap(string? text, TextStyle style, double maxWidth)
    {
        ArgumentNullException.ThrowIfNull(style);
        var lines = new List<string>();
        if (string.IsNullOrEmpty(text))
        {
            return lines;
        }

        var spaceWidth = style.Measure(' ');
        var line = new StringBuilder();
        foreach (var hardLine in TextNormaliser.Normalise(text).Split('\n'))
        {
            line.Clear();
            double lineWidth = 0;
            foreach (var word in hardLine.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                var wordWidth = style.Measure(word);
                if (line.Length > 0 && lineWidth + spaceWidth + wordWidth <= maxWidth)
                {
                    line.Append(' ').Append(word);
                    lineWidth += spaceWidth + wordWidth;
                    continue;
                }

                if (line.Length > 0)
                {
                    lines.Add(line.ToString());
                    line.Clear();
                    lineWidth = 0;
                }

                if (wordWidth <= maxWidth)
                {
                    line.Append(word);
                    lineWidth = wordWidth;
                }
                else
                {
                    lineWidth = BreakLongRun(word, style, maxWidth, lines, line);
                }
            }

            // An empty hard line is a blank line the author typed: keep it.
            lines.Add(line.ToString());
        }

        return lines;
    }

    /// <summary>
    /// A run wider than the line: its pieces between no-break spaces are packed greedily, as words would be,
    /// and a piece that is itself wider than the line is broken between characters.
    /// Adds full lines to <paramref name="lines"/> and leaves the run's tail in <paramref name="line"/>.
    /// </summary>
    private static double BreakLongRun(string run, TextStyle style, double maxWidth, List<string> lines, StringBuilder line)
    {
        double width = 0;
        var start = 0;
        while (start < run.Length)
        {
            var end = start;
            while (end < run.Length && !TextNormaliser.IsNoBreakSpace(run[end]))
            {
                end++;
            }

            // The piece carries the no-break space that follows it, so the joined text keeps its spacing.
            var pieceEnd = Math.Min(end + 1, run.Length);
            var piece = run.AsSpan(start, pieceEnd - start);
            var visible = end > start ? run.AsSpan(start, end - start) : piece;
            if (line.Length > 0 && width + style.Measure(visible) > maxWidth)
            {
                lines.Add(TrimNoBreakSpace(line));
                line.Clear();
                width = 0;
            }

            if (style.Measure(visible) <= maxWidth)
            {
                line.Append(piece);
                width += style.Measure(piece);
            }
            else
            {
                width = BreakLongWord(piece, style, maxWidth, lines, line, width);
            }

            start = pieceEnd;
        }

        return width;
    }

    /// <summary>Adds full-width pieces of the word to <paramref name="lines"/> and leaves its tail in <paramref name="line"/>.</summary>
    private static double BreakLongWord(ReadOnlySpan<char> word, TextStyle style, double maxWidth, List<string> lines, StringBuilder line, double width)
    {
        foreach (var c in word)
        {
            var charWidth = style.Measure(c);
            // At least one character per line, so a line narrower than a glyph cannot loop forever.
            if (line.Length > 0 && width + charWidth > maxWidth)
            {
                lines.Add(TrimNoBreakSpace(line));
                line.Clear();
                width = 0;
            }

            line.Append(c);
            width += charWidth;
        }

        return width;
    }

    private static string TrimNoBreakSpace(StringBuilder line)
    {
        var text = line.ToString();
        return text.TrimEnd(TextNormaliser.NoBreakSpace, TextNormaliser.NarrowNoBreakSpace);
    }
}
