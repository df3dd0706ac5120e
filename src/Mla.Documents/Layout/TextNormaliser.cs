using System.Text;
using System.Text.RegularExpressions;

namespace Mla.Documents.Layout;

/// <summary>
/// The typographic clean-up every piece of text goes through before it is measured and drawn, whoever typed it:
/// typographic apostrophes, and no-break spaces where a line must not break (inside a number, between a number
/// and what it counts, after "n°", "art." or "§", before a French colon). Language-neutral on purpose: each rule
/// is right, or harmless, in French, English and Portuguese alike. Idempotent: normalising twice changes nothing.
/// </summary>
public static partial class TextNormaliser
{
    /// <summary>U+00A0: a space of normal width where a line may not break.</summary>
    public const char NoBreakSpace = '\u00A0';

    /// <summary>U+202F: the thin space of French thousands ("750 000"); a line may not break there either.</summary>
    public const char NarrowNoBreakSpace = '\u202F';

    public const char Apostrophe = '\u2019';

    public const char OpeningQuote = '\u2018';

    public static bool IsNoBreakSpace(char c) => c is NoBreakSpace or NarrowNoBreakSpace;

    /// <summary>The text as it is printed; line ends become <c>\n</c>, other control characters spaces.</summary>
    public static string Normalise(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var result = ControlCharacters(text);
        result = Apostrophes(result);
        result = DigitGroups().Replace(result, JoinDigitGroups);
        result = NumberBeforeWord().Replace(result, match => match.Groups["number"].Value + NoBreakSpace);
        result = AbbreviationBeforeNumber().Replace(result, match => match.Groups["abbreviation"].Value + NoBreakSpace);
        result = SpaceBeforeHighPunctuation().Replace(result, NoBreakSpace.ToString());
        return SpaceAfterOpeningGuillemet().Replace(result, NoBreakSpace.ToString());
    }

    /// <summary>"750 000" (groups of three after the first) takes thin no-break spaces; "+221 77 000 00 00", a phone
    /// number or any other digit sequence, normal-width ones.</summary>
    private static string JoinDigitGroups(Match match)
    {
        var value = match.Value;
        var groups = value.TrimStart('+').Split([' ', NoBreakSpace, NarrowNoBreakSpace]);
        var thousands = !value.StartsWith('+') && groups.Skip(1).All(g => g.Length == 3);
        var separator = thousands ? NarrowNoBreakSpace : NoBreakSpace;
        return (value.StartsWith('+') ? "+" : string.Empty) + string.Join(separator, groups);
    }

    /// <summary>
    /// A straight apostrophe becomes ’ in words ("l'autorité", "N'Djamena", "States'") and ‘ where it opens a quotation.
    /// It stays straight where it is no apostrophe: after a digit or before one (a prime, "5'30", or part of a code such
    /// as "AB'12"), and in an e-mail address, a URL or a file name, which must stay exactly as typed.
    /// </summary>
    private static string Apostrophes(string text)
    {
        if (!text.Contains('\'', StringComparison.Ordinal))
        {
            return text;
        }

        var builder = new StringBuilder(text);
        for (var i = 0; i < builder.Length; i++)
        {
            if (builder[i] != '\'' || InAddress(text, i))
            {
                continue;
            }

            var previous = i > 0 ? text[i - 1] : ' ';
            var next = i + 1 < text.Length ? text[i + 1] : ' ';
            if (char.IsDigit(previous) || char.IsDigit(next))
            {
                continue;
            }

            if (char.IsLetter(previous) || (char.IsPunctuation(previous) && !char.IsLetter(next)))
            {
                builder[i] = Apostrophe;
            }
            else if (char.IsLetter(next))
            {
                builder[i] = OpeningQuote;
            }
        }

        return builder.ToString();
    }

    /// <summary>Whether the whitespace-delimited token around <paramref name="index"/> is an e-mail address or a URL.</summary>
    private static bool InAddress(string text, int index)
    {
        var start = index;
        while (start > 0 && !char.IsWhiteSpace(text[start - 1]))
        {
            start--;
        }

        var end = index;
        while (end < text.Length && !char.IsWhiteSpace(text[end]))
        {
            end++;
        }

        var token = text[start..end];
        return token.Contains('@', StringComparison.Ordinal)
            || token.Contains("://", StringComparison.Ordinal)
            || token.StartsWith("www.", StringComparison.OrdinalIgnoreCase)
            || FileName().IsMatch(token);
    }

    /// <summary>Unifies line ends and turns tabs and other control characters into spaces: they have no glyph.</summary>
    private static string ControlCharacters(string text)
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

    /// <summary>A file name as annexes are listed: it must match the file, so it is printed as typed.</summary>
    [GeneratedRegex(@"\S\.(?:pdf|docx?|odt|xlsx?|jpe?g|png|txt|zip)\W*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex FileName();

    /// <summary>Digits, then one or more groups of digits each after one space: "750 000", "+221 77 000 00 00".
    /// Not inside a code such as "AB12 34" or "2016-008 12".</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}\-/.])\+?\d+(?:[ \u00A0\u202F]\d+)+(?![\p{L}\-/])", RegexOptions.CultureInvariant)]
    private static partial Regex DigitGroups();

    /// <summary>A number standing alone, then a space, then a word, a percent or a currency sign: "48 heures", "10 %".</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}\-/.,:])(?<number>\d+(?:[\u00A0\u202F]\d+)*(?:[.,]\d+)?) (?=[\p{L}%€$£])", RegexOptions.CultureInvariant)]
    private static partial Regex NumberBeforeWord();

    /// <summary>"n° 12", "N.º 3", "art. 7", "§ 2", "No. 4" (English "No." only before a digit: "no." may end a sentence).</summary>
    [GeneratedRegex(@"(?<![\p{L}\p{N}])(?<abbreviation>[nN]°|[nN]º|[nN]\.º|[nN]\.°|§§?|[aA]rts?\.|al\.|(?:[nN]os?\.)(?= \d)) (?=\S)", RegexOptions.CultureInvariant)]
    private static partial Regex AbbreviationBeforeNumber();

    /// <summary>The space before a colon, semicolon, exclamation or question mark, or a closing guillemet (French).</summary>
    [GeneratedRegex(@" (?=[:;!?»])", RegexOptions.CultureInvariant)]
    private static partial Regex SpaceBeforeHighPunctuation();

    [GeneratedRegex(@"(?<=«) ", RegexOptions.CultureInvariant)]
    private static partial Regex SpaceAfterOpeningGuillemet();
}
