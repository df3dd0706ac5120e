using System.Text;

namespace Mla.Documents.Layout;

/// <summary>
/// Breaks text into lines no wider than a width, word by word. Line breaks in the text are kept;
/// a word wider than the line is broken between characters. Nothing is ever dropped.
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
        foreach (var hardLine in Normalise(text).Split('\n'))
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
                    lineWidth = BreakLongWord(word, style, maxWidth, lines, line);
                }
            }

            // An empty hard line is a blank line the author typed: keep it.
            lines.Add(line.ToString());
        }

        return lines;
    }

    /// <summary>Adds full-width pieces of the word to <paramref name="lines"/> and leaves its tail in <paramref name="line"/>.</summary>
    private static double BreakLongWord(string word, TextStyle style, double maxWidth, List<string> lines, StringBuilder line)
    {
        double width = 0;
        foreach (var c in word)
        {
            var charWidth = style.Measure(c);
            // At least one character per line, so a line narrower than a glyph cannot loop forever.
            if (line.Length > 0 && width + charWidth > maxWidth)
            {
                lines.Add(line.ToString());
                line.Clear();
                width = 0;
            }

            line.Append(c);
            width += charWidth;
        }

        return width;
    }

    /// <summary>Unifies line ends and turns tabs and other control characters into spaces: they have no glyph.</summary>
    private static string Normalise(string text)
    {
        var needsWork = false;
        foreach (var c in text)
        {
            if (char.IsControl(c) && c != '\n')
            {
                needsWork = true;
                break;
            }
        }

        if (!needsWork)
        {
            return text;
        }

        var builder = new StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (c == '\r')
            {
                builder.Append('\n');
                if (i + 1 < text.Length && text[i + 1] == '\n')
                {
                    i++;
                }
            }
            else
            {
                builder.Append(char.IsControl(c) && c != '\n' ? ' ' : c);
            }
        }

        return builder.ToString();
    }
}
