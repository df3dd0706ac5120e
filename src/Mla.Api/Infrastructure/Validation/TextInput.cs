using System.Text;

namespace Mla.Api.Infrastructure.Validation;

/// <summary>
/// What text Mla accepts, defined once. Every string is normalised to NFC, with <c>\r\n</c> as <c>\n</c>,
/// before it is validated or stored (<see cref="Normalise"/>, applied to JSON bodies by
/// <see cref="Hosting.MlaJson.ApplyInputRules"/>). Text never holds a control character other than a line
/// break or a tab, a line or paragraph separator (U+2028, U+2029), a bidirectional formatting character
/// (U+061C, U+200E, U+200F, U+202A–U+202E, U+2066–U+2069: they make a file named <c>invoice\u202Efdp.exe</c> read as <c>invoiceexe.pdf</c>)
/// or a lone surrogate. One-line text (names, references, authorities, file names) holds no line break
/// or tab either.
/// </summary>
public static class TextInput
{
    /// <summary>NFC, and <c>\r\n</c> as <c>\n</c>. Text that cannot be normalised (a lone surrogate) is returned as it is, for validation to reject.</summary>
    public static string Normalise(string text)
    {
        var lines = text.Contains('\r', StringComparison.Ordinal) ? text.Replace("\r\n", "\n", StringComparison.Ordinal) : text;
        try
        {
            return lines.IsNormalized(NormalizationForm.FormC) ? lines : lines.Normalize(NormalizationForm.FormC);
        }
        catch (ArgumentException)
        {
            return lines;
        }
    }

    /// <summary>Why <paramref name="text"/> is not acceptable text, or null when it is.</summary>
    /// <param name="text">The text, normalised (see <see cref="Normalise"/>).</param>
    /// <param name="singleLine">True for one-line fields: no line break or tab either.</param>
    public static string? Problem(string? text, bool singleLine)
    {
        if (text is null)
        {
            return null;
        }

        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            var position = i + 1;
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                i++;
                continue;
            }

            var problem = c switch
            {
                '\n' or '\t' when !singleLine => null,
                '\n' or '\r' or '\u2028' or '\u2029' when singleLine => $"One line only: a line break ({CodePoint(c)}) at character {position}.",
                '\u2028' or '\u2029' => $"A line or paragraph separator ({CodePoint(c)}) at character {position}: use a plain line break.",
                _ when char.IsControl(c) => $"A control character ({CodePoint(c)}) at character {position}: plain text only.",
                _ when IsBidiControl(c) => $"A bidirectional formatting character ({CodePoint(c)}) at character {position}: it can disguise the text, remove it.",
                _ when char.IsSurrogate(c) => $"An invalid character (a lone surrogate) at character {position}.",
                _ => null,
            };
            if (problem is not null)
            {
                return problem;
            }
        }

        return null;
    }

    private static bool IsBidiControl(char c) =>
        c is '\u061C' or '\u200E' or '\u200F' or (>= '\u202A' and <= '\u202E') or (>= '\u2066' and <= '\u2069');

    private static string CodePoint(char c) => string.Create(CultureInfo.InvariantCulture, $"U+{(int)c:X4}");
}
