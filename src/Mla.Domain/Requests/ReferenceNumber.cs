using System.Diagnostics.CodeAnalysis;
using System.Globalization;

namespace Mla.Domain.Requests;

/// <summary>
/// A request's number in one of a State's registers (<see cref="ReferenceRegister"/>):
/// <list type="bullet">
/// <item>outgoing, given by the requesting State at transmission: <c>{ISO3}/{MLA|EXT|PA}/{YYYY}/{NNNN}</c>,
/// e.g. <c>SEN/MLA/2025/0042</c>;</item>
/// <item>incoming, given by the requested State when it registers a request that reached it outside Mla:
/// <c>{ISO3}/IN/{MLA|EXT|PA}/{YYYY}/{NNNN}</c>, e.g. <c>SEN/IN/MLA/2026/0001</c> (the ISO3 is the registering
/// State's).</item>
/// </list>
/// The sequence is zero-padded to four digits and grows wider past 9999. Parsing accepts the canonical
/// form only, so a number has exactly one spelling (it is a unique key).
/// </summary>
public sealed record ReferenceNumber : IParsable<ReferenceNumber>
{
    private const string IncomingSegment = "IN";

    public ReferenceNumber(string state, RequestKind kind, int year, int sequence, ReferenceRegister register = ReferenceRegister.Outgoing)
    {
        if (!IsIso3(state))
        {
            throw new ArgumentException("The State must be an upper-case ISO 3166-1 alpha-3 code.", nameof(state));
        }

        if (!Enum.IsDefined(register))
        {
            throw new ArgumentOutOfRangeException(nameof(register), register, "Unknown register.");
        }

        _ = KindSegment(kind);
        ArgumentOutOfRangeException.ThrowIfLessThan(year, 1);
        ArgumentOutOfRangeException.ThrowIfGreaterThan(year, 9999);
        ArgumentOutOfRangeException.ThrowIfLessThan(sequence, 1);
        State = state;
        Register = register;
        Kind = kind;
        Year = year;
        Sequence = sequence;
    }

    /// <summary>The State whose register holds the number: the requesting State for an outgoing number, the registering (requested) State for an incoming one.</summary>
    public string State { get; }

    public ReferenceRegister Register { get; }

    public RequestKind Kind { get; }

    public int Year { get; }

    public int Sequence { get; }

    public override string ToString() => Register == ReferenceRegister.Incoming
        ? string.Create(CultureInfo.InvariantCulture, $"{State}/{IncomingSegment}/{KindSegment(Kind)}/{Year:D4}/{Sequence:D4}")
        : string.Create(CultureInfo.InvariantCulture, $"{State}/{KindSegment(Kind)}/{Year:D4}/{Sequence:D4}");

    public static ReferenceNumber Parse(string s)
        => TryParse(s, out var result)
            ? result
            : throw new FormatException($"'{s}' is not a reference number like SEN/MLA/2025/0042 or SEN/IN/MLA/2026/0001.");

    // The format is culture-invariant: IParsable (used by minimal-API route binding) ignores the provider.
    static ReferenceNumber IParsable<ReferenceNumber>.Parse(string s, IFormatProvider? provider) => Parse(s);

    static bool IParsable<ReferenceNumber>.TryParse([NotNullWhen(true)] string? s, IFormatProvider? provider, [MaybeNullWhen(false)] out ReferenceNumber result)
        => TryParse(s, out result);

    public static bool TryParse([NotNullWhen(true)] string? s, [MaybeNullWhen(false)] out ReferenceNumber result)
    {
        result = null;
        var parts = s?.Split('/');
        var register = parts is { Length: 5 } && parts[1] == IncomingSegment ? ReferenceRegister.Incoming : ReferenceRegister.Outgoing;
        if (register == ReferenceRegister.Incoming)
        {
            parts = [parts![0], .. parts[2..]];
        }

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

        result = new ReferenceNumber(parts[0], kind.Value, year, sequence, register);
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
