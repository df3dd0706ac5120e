using System.Text;

namespace Mla.Domain.Progress;

// Keys that tell two requests concern the same person despite spelling: stored per person when a
// request's content is written, so related requests are found by an indexed equality, not a scan.
// - the identity document, folded (case, accents, spaces and punctuation removed): "P 123-4567" = "p1234567";
// - the name: each word folded and reduced to a phonetic skeleton (common transliteration variants of
//   West African and Arabic names folded, doubled letters single, vowels after the first letter left
//   out), the words sorted, so "Mohamed Ould Ahmed", "Mohammed Ould-Ahmed" and "Ahmed Ould Mohamed" agree,
//   and "Traoré" agrees with "Traore" but not with "Touré".
public static class PersonKeys
{
    public static string? DocumentKey(string? identityDocument)
    {
        if (string.IsNullOrWhiteSpace(identityDocument))
        {
            return null;
        }

        var key = string.Concat(SearchText.Terms(identityDocument));
        return key.Length == 0 ? null : key;
    }

    public static string? NameKey(string? fullName)
    {
        if (string.IsNullOrWhiteSpace(fullName))
        {
            return null;
        }

        var words = SearchText.Terms(fullName).Select(Skeleton).Where(w => w.Length > 0).Order(StringComparer.Ordinal).ToList();
        var key = string.Join(' ', words);
        return key.Length == 0 ? null : key[..Math.Min(key.Length, 200)];
    }

    // One word's phonetic skeleton: "mohamed", "mohammed", "muhammad" and "mouhamed" all give "mmd".
    public static string Skeleton(string word)
    {
        ArgumentNullException.ThrowIfNull(word);
        var s = SearchText.Fold(word);
        // Spellings of one sound in French, English and Portuguese transliterations; order matters
        // ("tch" before "ch", "x" before "ch" becomes a marker x).
        (string From, string To)[] folds =
        [
            ("x", "ks"), ("tch", "x"), ("sch", "x"), ("ch", "x"), ("sh", "x"), ("dj", "j"), ("kh", "k"), ("gh", "g"),
            ("ph", "f"), ("th", "t"), ("ck", "k"), ("q", "k"), ("c", "k"), ("ou", "u"), ("oo", "u"), ("w", "u"),
            ("y", "i"), ("z", "s"),
        ];
        foreach (var (from, to) in folds)
        {
            s = s.Replace(from, to, StringComparison.Ordinal);
        }

        var builder = new StringBuilder(s.Length);
        for (var i = 0; i < s.Length; i++)
        {
            var c = s[i];
            if (i > 0 && c == 'h')
            {
                continue;
            }

            if (builder.Length > 0 && builder[^1] == c)
            {
                continue;
            }

            builder.Append(c);
        }

        var folded = builder.ToString();
        if (folded.Length == 0)
        {
            return folded;
        }

        var skeleton = new StringBuilder(folded.Length);
        skeleton.Append(folded[0]);
        foreach (var c in folded.AsSpan(1))
        {
            if ("aeiou".Contains(c, StringComparison.Ordinal))
            {
                continue;
            }

            skeleton.Append(c);
        }

        return skeleton.ToString();
    }
}
