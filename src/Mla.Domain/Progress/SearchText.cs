using System.Globalization;
using System.Text;

namespace Mla.Domain.Progress;

// Text as search compares it: lower case, accents removed, cut into words of letters and digits.
// Computed in C# when a request is written, never by the database, so SQLite, PostgreSQL and SQL
// Server hold the same terms and agree on what matches ("traore" finds "Traoré", "AISSATA" "Aïssata").
public static class SearchText
{
    // Longer words are cut: the terms column is an indexed varchar(60).
    public const int MaxTermLength = 60;

    // Lower case, accents and other marks removed, the few letters that do not decompose spelled out.
    public static string Fold(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var decomposed = text.Normalize(NormalizationForm.FormD);
        var builder = new StringBuilder(decomposed.Length);
        foreach (var c in decomposed)
        {
            if (CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark)
            {
                continue;
            }

            switch (char.ToLowerInvariant(c))
            {
                case 'ø': builder.Append('o'); break;
                case 'æ': builder.Append("ae"); break;
                case 'œ': builder.Append("oe"); break;
                case 'ß': builder.Append("ss"); break;
                case 'đ': builder.Append('d'); break;
                case 'ł': builder.Append('l'); break;
                case 'ı': builder.Append('i'); break;
                case var lower: builder.Append(lower); break;
            }
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    // The distinct words of the texts, folded: what a request is found by. Reference numbers split at
    // their slashes ("MLI/MLA/2026/0001" gives mli, mla, 2026, 0001), names at spaces and hyphens.
    public static IReadOnlyList<string> Terms(params IEnumerable<string?> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var terms = new List<string>();
        foreach (var text in texts)
        {
            if (string.IsNullOrWhiteSpace(text))
            {
                continue;
            }

            foreach (var word in Words(Fold(text)))
            {
                var term = word.Length > MaxTermLength ? word[..MaxTermLength] : word;
                if (!terms.Contains(term, StringComparer.Ordinal))
                {
                    terms.Add(term);
                }
            }
        }

        return terms;
    }

    private static IEnumerable<string> Words(string folded)
    {
        var start = -1;
        for (var i = 0; i <= folded.Length; i++)
        {
            var inWord = i < folded.Length && char.IsLetterOrDigit(folded[i]);
            if (inWord && start < 0)
            {
                start = i;
            }
            else if (!inWord && start >= 0)
            {
                yield return folded[start..i];
                start = -1;
            }
        }
    }
}
