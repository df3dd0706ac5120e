using System.Collections.Frozen;
using System.Text;

namespace Mla.Domain;

/// <summary>
/// Converts enum members to and from the kebab-case codes exchanged in JSON and stored in the database
/// (<c>ProvisionalArrest</c> &lt;-&gt; <c>provisional-arrest</c>).
/// </summary>
/// <remarks>
/// The codes are exactly what <c>JsonNamingPolicy.KebabCaseLower</c> produces for our member names, so
/// <c>new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower, allowIntegerValues: false)</c> writes the
/// same codes as this helper (a test holds both to it). Parsing is strict (exact, ordinal, no numbers,
/// no PascalCase) so that a code stored or received is always one canonical string.
/// </remarks>
public static class KebabCode
{
    public static string ToCode<TEnum>(this TEnum value)
        where TEnum : struct, Enum
        => Map<TEnum>.ToCode.TryGetValue(value, out var code)
            ? code
            : throw new ArgumentOutOfRangeException(nameof(value), value, $"Not a defined {typeof(TEnum).Name}.");

    public static bool TryParse<TEnum>(string? code, out TEnum value)
        where TEnum : struct, Enum
    {
        if (code is not null && Map<TEnum>.FromCode.TryGetValue(code, out value))
        {
            return true;
        }

        value = default;
        return false;
    }

    public static TEnum Parse<TEnum>(string code)
        where TEnum : struct, Enum
        => TryParse<TEnum>(code, out var value)
            ? value
            : throw new FormatException($"'{code}' is not a {typeof(TEnum).Name} code; expected one of: {string.Join(", ", AllCodes<TEnum>())}.");

    /// <summary>Every code of the enum, in declaration order (for validators, OpenAPI enums and error messages).</summary>
    public static IReadOnlyList<string> AllCodes<TEnum>()
        where TEnum : struct, Enum
        => Map<TEnum>.Codes;

    /// <summary>PascalCase to lower kebab-case: a hyphen before every upper-case letter but the first.</summary>
    public static string FromPascalCase(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        var builder = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (char.IsUpper(c))
            {
                if (i > 0)
                {
                    builder.Append('-');
                }

                builder.Append(char.ToLowerInvariant(c));
            }
            else
            {
                builder.Append(c);
            }
        }

        return builder.ToString();
    }

    // One frozen map per enum type, built once: codes are looked up on every request and every row read.
    private static class Map<TEnum>
        where TEnum : struct, Enum
    {
        public static readonly IReadOnlyList<KeyValuePair<TEnum, string>> Pairs =
            [.. Enum.GetValues<TEnum>().Select(v => KeyValuePair.Create(v, FromPascalCase(v.ToString())))];

        public static readonly IReadOnlyList<string> Codes = [.. Pairs.Select(p => p.Value)];

        public static readonly FrozenDictionary<TEnum, string> ToCode = Pairs.ToFrozenDictionary();

        public static readonly FrozenDictionary<string, TEnum> FromCode =
            Pairs.ToFrozenDictionary(p => p.Value, p => p.Key, StringComparer.Ordinal);
    }
}
