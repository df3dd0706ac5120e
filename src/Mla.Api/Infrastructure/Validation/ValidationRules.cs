namespace Mla.Api.Infrastructure.Validation;

/// <summary>
/// Rules every validator shares, written once: codes from a list, language and State codes, one-line
/// text, plausible dates. Patterns are anchored with <c>\A…\z</c>: .NET's <c>$</c> also matches before a
/// final newline, so <c>^[A-Z]{3}$</c> lets <c>"SEN\n"</c> through.
/// </summary>
public static class ValidationRules
{
    public const string StateCodeMessage = "Use an upper-case ISO 3166-1 alpha-3 code, e.g. SEN.";

    public const string LanguageCodeMessage = "Use a two- or three-letter lower-case language code, e.g. fr.";

    /// <summary>No one concerned by a request was born before this date.</summary>
    public static readonly DateOnly EarliestDateOfBirth = new(1900, 1, 1);

    /// <summary>No judicial decision a request relies on is older.</summary>
    public static readonly DateOnly EarliestDecisionDate = new(1900, 1, 1);

    /// <summary>No step of a request happened before this date.</summary>
    public static readonly DateOnly EarliestEventDate = new(1990, 1, 1);

    /// <summary>How far from today a time limit, or a date set for later, may be.</summary>
    public const int PlausibleYears = 10;

    /// <summary>One of <paramref name="codes"/>; the message lists them.</summary>
    public static IRuleBuilderOptions<T, string?> MustBeOneOf<T>(this IRuleBuilder<T, string?> rule, IReadOnlyCollection<string> codes) =>
        rule.Must(code => code is not null && codes.Contains(code)).WithMessage(CodesMessage(codes));

    public static string CodesMessage(IEnumerable<string> codes) => $"Must be one of: {string.Join(", ", codes)}.";

    /// <summary>A language code as the reference data writes them: <c>fr</c>, <c>en</c>, <c>pt</c>, <c>ar</c>.</summary>
    public static IRuleBuilderOptions<T, string?> MustBeLanguageCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Matches(@"\A[a-z]{2,3}\z").WithMessage(LanguageCodeMessage);

    /// <summary>Three upper-case letters: the form of a State code, whether or not the State is known.</summary>
    public static IRuleBuilderOptions<T, string?> MustBeStateCodeForm<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Matches(@"\A[A-Z]{3}\z").WithMessage(StateCodeMessage);

    /// <summary>
    /// One line of text: no line break, tab or other control character, no line or paragraph separator,
    /// no bidirectional formatting character (see <see cref="TextInput"/>). Every string is checked for
    /// the characters no text may hold (<see cref="TextInputValidator{T}"/>); this rule adds line breaks
    /// and tabs for names, references, authorities and the like.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> MustBeSingleLineText<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(text => TextInput.Problem(text, singleLine: true) is null)
            .WithMessage((_, text) => TextInput.Problem(text, singleLine: true) ?? "");

    /// <summary>A date on or after <paramref name="earliest"/>; the message names it.</summary>
    public static IRuleBuilderOptions<T, DateOnly?> MustBeOnOrAfter<T>(this IRuleBuilder<T, DateOnly?> rule, DateOnly earliest) =>
        rule.Must(date => date is null || date >= earliest)
            .WithMessage($"Must be {earliest.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)} or later.");

    /// <summary>An assigned ISO 3166-1 alpha-3 code: any country, in the networks or not.</summary>
    public static IRuleBuilderOptions<T, string?> MustBeCountryCode<T>(this IRuleBuilder<T, string?> rule) =>
        rule.Must(CountryCodes.IsAssigned).WithMessage(StateCodeMessage + " It must be an assigned code.");
}
