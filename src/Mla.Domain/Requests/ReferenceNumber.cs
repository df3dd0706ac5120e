using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Mla.Domain.Requests;

/// <summary>
/// A request's number, given by its requesting State at transmission: <c>{ISO3}/{MLA|EXT|PA}/{YYYY}/{NNNN}</c>,
/// e.g. <c>SEN/MLA/2025/0042</c>. The sequence is zero-padded to four digits and grows wider past 9999.
/// Parsing accepts the canonical form only, so a number has exactly one spelling (it is a unique key).
/// </summary>
public sealed record ReferenceNumber : IParsable<ReferenceNumber>
{
    public ReferenceNumber(string requestingState, RequestKind kind, int year, int sequence)
    {
        if (!IsIso3(requestingState))
        {
            throw new ArgumentException("The requesting State must be an upper-case ISO 3166-1 alpha-3 code.", nameof(requestingState));
        }

        _ = KindSegment(kind);
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        RequestingState = requestingState;
        Kind = kind;
        Year = year;
        Sequence = sequence;
    }

    public string RequestingState { get; }

    public RequestKind Kind { get; }

    public int Year { get; }

    public int Sequence { get; }

    public override string ToString()
        => string.Create(CultureInfo.InvariantCulture, $"{RequestingState}/{KindSegment(Kind)}/{Year:D4}/{Sequence:D4}");

    public static ReferenceNumber Parse(string s)
        => TryParse(s, out var result)
            ? result
            : throw new FormatException($"'{s}' is not a reference number like SEN/MLA/2025/0042.");

    // The format is culture-invariant: IParsable (used by minimal-API route binding) ignores the provider.
    static ReferenceNumber IParsable<ReferenceNumber>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<ReferenceNumber>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out ReferenceNumber result)
        => TryParse(s, out result);

    public static bool TryParse([NotNullWhen(true)] string? s, [MaybeNullWhen(false)] out ReferenceNumber result)
    {
        result = null;
        var parts = s?.Split('/');
        if (parts is not { Length: 4 } || !IsIso3(parts[0]))
        {
            return false;
        }

        RequestKind? kind = parts[1] switch
        {
            "MLA" => RequestKind.Mla,
            "EXT" => RequestKind.Extradition,
            "PA" => RequestKind.ProvisionalArrest,
            _ => null,
        };

        // Exactly four year digits; sequence four digits, or more without a leading zero.
        if (kind is null
            || parts[2].Length != 4 || !parts[2].All(char.IsAsciiDigit)
            || parts[3].Length < 4 || !parts[3].All(char.IsAsciiDigit) || (parts[3].Length > 4 && parts[3][0] == '0')
            || !int.TryParse(parts[3], NumberStyles.None, CultureInfo.InvariantCulture, out var sequence))
        {
            return false;
        }

        var year = int.Parse(parts[2], NumberStyles.None, CultureInfo.InvariantCulture);
        if (year < 1 || sequence < 1)
        {
            return false;
        }

        result = new ReferenceNumber(parts[0], kind.Value, year, sequence);
        return true;
    }

    private static string KindSegment(RequestKind kind) => kind switch
    {
        RequestKind.Mla => "MLA",
        RequestKind.Extradition => "EXT",
        RequestKind.ProvisionalArrest => "PA",
        _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, "Unknown request kind."),
    };

    private static bool IsIso3([NotNullWhen(true)] string? code)
        => code is { Length: 3 } && code.All(char.IsAsciiLetterUpper);
}
