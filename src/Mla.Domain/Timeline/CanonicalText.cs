using System.Globalization;
using System.Text;

namespace Mla.Domain.Timeline;

/// <summary>
/// The deterministic, culture-invariant text that the chain hashes: a header line naming the format, then
/// one <c>name=value</c> line per field. Backslash, CR and LF in values are escaped so that a value cannot
/// fake a line.
/// </summary>
public static class CanonicalText
{
    /// <summary>
    /// Lowercase hex SHA-256 of the UTF-8 bytes of <paramref name="text"/>.
    /// </summary>
    public static string Sha256(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }

    /// <summary>
    /// A record as a list of named fields: the header, then one line per field in ordinal order of name,
    /// so the order the caller lists them in does not matter. Null values and <c>false</c> are left out,
    /// so that a nullable field added later leaves the text of every record that does not use it
    /// unchanged (and the digests stored of it valid). Enums are written as their kebab-case code, dates
    /// <c>yyyy-MM-dd</c>, instants in UTC with seven decimals; names must be unique.
    /// </summary>
    public static string OfFields(string header, IEnumerable<KeyValuePair<string, object?>> fields)
    {
        ArgumentNullException.ThrowIfNull(header);
        ArgumentNullException.ThrowIfNull(fields);
        var builder = new StringBuilder(header);
        string? previous = null;
        foreach (var (name, value) in fields.OrderBy(field => field.Key, StringComparer.Ordinal))
        {
            if (string.Equals(name, previous, StringComparison.Ordinal))
            {
                throw new ArgumentException($"The field {name} is given twice.", nameof(fields));
            }

            previous = name;
            if (Format(value) is { } text)
            {
                AppendField(builder, name, text);
            }
        }

        return builder.ToString();
    }

    /// <summary>Appends <c>\nname=value</c>, or <c>\nname</c> alone for null (so that null and empty differ).</summary>
    public static void AppendField(StringBuilder builder, string name, string? value)
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.Append('\n').Append(name);
        if (value is null)
        {
            return;
        }

        builder.Append('=');
        foreach (var c in value)
        {
            _ = c switch
            {
                '\\' => builder.Append(@"\\"),
                '\n' => builder.Append(@"\n"),
                '\r' => builder.Append(@"\r"),
                _ => builder.Append(c),
            };
        }
    }

    private static string? Format(object? value) => value switch
    {
        null or false => null,
        true => "true",
        string text => text,
        Enum code => KebabCode.FromPascalCase(code.ToString()),
        int or long or decimal => Convert.ToString(value, CultureInfo.InvariantCulture),
        Guid id => id.ToString("D"),
        DateOnly date => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
        DateTimeOffset instant => instant.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture),
        _ => throw new NotSupportedException($"No canonical form for a {value.GetType().Name}."),
    };
}
