using FluentValidation;
using Mla.Domain;
using Mla.Domain.Requests;

namespace Mla.Api.Features.Requests;

/// <summary>
/// What a central authority writes in a request, as sent in JSON: the body of create and update draft,
/// and of registering an incoming request. Codes are strings so that an unknown one answers 400 with the
/// field's path, like every other bad field; <see cref="ToContent"/> turns a validated body into the domain's
/// <see cref="RequestContent"/>. A draft may be incomplete; only transmission requires completeness.
/// </summary>
public abstract record RequestContentInput
{
    /// <summary><c>mla</c>, <c>extradition</c> or <c>provisional-arrest</c>.</summary>
    public string? Kind { get; init; }

    /// <summary>ISO3 of the requested State (any State, in the reference data or not).</summary>
    public string? RequestedState { get; init; }

    /// <summary>Legal-basis codes (<c>/api/reference/legal-bases</c>).</summary>
    public IReadOnlyList<string> LegalBases { get; init; } = [];

    public string? BilateralTreatyName { get; init; }

    public string? Subject { get; init; }

    public AuthorityInput? InvestigatingAuthority { get; init; }

    public string? Facts { get; init; }

    public IReadOnlyList<OffenceInput> Offences { get; init; } = [];

    /// <summary>Persons concerned: personal data.</summary>
    public IReadOnlyList<PersonInput> Persons { get; init; } = [];

    public IReadOnlyList<AssistanceInput> Assistance { get; init; } = [];

    public string? Purpose { get; init; }

    /// <summary><c>normal</c> (default) or <c>urgent</c>.</summary>
    public string? Urgency { get; init; }

    public string? UrgencyReason { get; init; }

    public DateOnly? TimeLimit { get; init; }

    /// <summary>Language code of the request (<c>fr</c>, <c>en</c>, <c>pt</c>, <c>ar</c>...).</summary>
    public string? Language { get; init; }

    public bool Confidential { get; init; }

    /// <summary>Id of an earlier request this one supplements.</summary>
    public Guid? Supplements { get; init; }

    /// <summary>Extradition of an accused person: the arrest warrant.</summary>
    public DecisionInput? Warrant { get; init; }

    /// <summary>Extradition of a convicted person: the judgment.</summary>
    public DecisionInput? Judgment { get; init; }

    /// <summary><c>prosecution</c> or <c>sentence</c>.</summary>
    public string? ExtraditionPurpose { get; init; }

    public string? SentenceRemaining { get; init; }

    public string? EnforceableSentenceProof { get; init; }

    public string? RetrialAvailableInAbsentia { get; init; }

    /// <summary>Provisional arrest: the statement that extradition will be requested.</summary>
    public bool ExtraditionWillBeRequested { get; init; }

    /// <summary>The domain content of a validated body; <paramref name="requestedState"/> when the body names none.</summary>
    public RequestContent ToContent(string requestedState) => new()
    {
        Kind = KebabCode.Parse<RequestKind>(Kind!),
        RequestedState = RequestedState ?? requestedState,
        LegalBases = LegalBases,
        BilateralTreatyName = Blank(BilateralTreatyName),
        Subject = Blank(Subject),
        InvestigatingAuthority = InvestigatingAuthority is null ? null : new AuthorityRef(Blank(InvestigatingAuthority.Name), Blank(InvestigatingAuthority.Function)),
        Facts = Blank(Facts),
        Offences = [.. Offences.Select(o => new Offence(o.Category, Blank(o.Description), Blank(o.LegalProvision), Blank(o.MaxPenalty)))],
        Persons = [.. Persons.Select(p => new PersonConcerned(p.Role, Blank(p.FullName), Blank(p.Nationality), p.DateOfBirth, Blank(p.Location), Blank(p.IdentityDocument)))],
        Assistance = [.. Assistance.Select(a => new AssistanceItem(a.Type, Blank(a.Description), Blank(a.Procedure)))],
        Purpose = Blank(Purpose),
        Urgency = Urgency is null ? Domain.Requests.Urgency.Normal : KebabCode.Parse<Urgency>(Urgency),
        UrgencyReason = Blank(UrgencyReason),
        TimeLimit = TimeLimit,
        Language = Blank(Language),
        Confidential = Confidential,
        Supplements = Supplements,
        Warrant = Decision(Warrant),
        Judgment = Decision(Judgment),
        ExtraditionPurpose = ExtraditionPurpose is null ? null : KebabCode.Parse<ExtraditionPurpose>(ExtraditionPurpose),
        SentenceRemaining = Blank(SentenceRemaining),
        EnforceableSentenceProof = Blank(EnforceableSentenceProof),
        RetrialAvailableInAbsentia = Blank(RetrialAvailableInAbsentia),
        ExtraditionWillBeRequested = ExtraditionWillBeRequested,
    };

    // Blank text is stored as no text: a field of spaces tells the requested State nothing.
    private static string? Blank(string? text) => string.IsNullOrWhiteSpace(text) ? null : text.Trim();

    private static JudicialDecisionRef? Decision(DecisionInput? input) =>
        input is null || (Blank(input.IssuingAuthority) is null && input.Date is null && Blank(input.Reference) is null)
            ? null
            : new JudicialDecisionRef(Blank(input.IssuingAuthority), input.Date, Blank(input.Reference));
}

public sealed record AuthorityInput(string? Name, string? Function);

/// <summary>An offence: its category code is required even in a draft (it says what the entry is).</summary>
public sealed record OffenceInput(string? Category, string? Description, string? LegalProvision, string? MaxPenalty);

/// <summary>A person concerned: the role code is required even in a draft. Personal data.</summary>
public sealed record PersonInput(string? Role, string? FullName, string? Nationality, DateOnly? DateOfBirth, string? Location, string? IdentityDocument);

/// <summary>An assistance item: the type code is required even in a draft.</summary>
public sealed record AssistanceInput(string? Type, string? Description, string? Procedure);

/// <summary>An arrest warrant or a judgment.</summary>
public sealed record DecisionInput(string? IssuingAuthority, DateOnly? Date, string? Reference);

/// <summary>
/// Field rules shared by every body that carries request content: known codes, well-formed State and
/// language codes, sizes that fit the columns, no dates of birth in the future. Completeness is not
/// checked here but at transmission.
/// </summary>
public sealed class RequestContentInputValidator : AbstractValidator<RequestContentInput>
{
    public const int ShortText = 300;
    public const int MediumText = 2000;
    public const int LongText = 20000;
    public const int MaxItems = 100;

    public RequestContentInputValidator(ReferenceCodes codes, TimeProvider time)
    {
        // A rule stops at its first failure: a null list is reported, never read.
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Kind).NotEmpty().Must(BeCode<RequestKind>).WithMessage(CodesMessage<RequestKind>());
        RuleFor(c => c.RequestedState!).Matches(RequestValidation.Iso3Pattern).WithMessage(RequestValidation.Iso3Message)
            .When(c => c.RequestedState is not null);

        RuleFor(c => c.LegalBases).NotNull().Must(list => list.Count <= 20).WithMessage("At most 20 legal bases.")
            .Must(list => list.Distinct(StringComparer.Ordinal).Count() == list.Count).WithMessage("A legal basis is named twice.");
        RuleForEach(c => c.LegalBases).NotEmpty()
            .MustAsync(async (code, ct) => (await codes.GetAsync(ct)).LegalBases.Contains(code)).WithMessage("Unknown legal basis.");
        RuleFor(c => c.BilateralTreatyName).MaximumLength(500);
        RuleFor(c => c.Subject).MaximumLength(MediumText);
        RuleFor(c => c.InvestigatingAuthority!.Name).MaximumLength(ShortText).When(c => c.InvestigatingAuthority is not null);
        RuleFor(c => c.InvestigatingAuthority!.Function).MaximumLength(ShortText).When(c => c.InvestigatingAuthority is not null);
        RuleFor(c => c.Facts).MaximumLength(LongText);

        RuleFor(c => c.Offences).NotNull().Must(list => list.Count <= MaxItems).WithMessage($"At most {MaxItems} offences.");
        RuleForEach(c => c.Offences).NotNull().ChildRules(offence =>
        {
            offence.RuleFor(o => o.Category).NotEmpty()
                .MustAsync(async (code, ct) => (await codes.GetAsync(ct)).OffenceCategories.Contains(code!)).WithMessage("Unknown offence category.")
                .When(o => !string.IsNullOrEmpty(o.Category));
            offence.RuleFor(o => o.Description).MaximumLength(MediumText * 2);
            offence.RuleFor(o => o.LegalProvision).MaximumLength(MediumText * 2);
            offence.RuleFor(o => o.MaxPenalty).MaximumLength(500);
        });

        RuleFor(c => c.Persons).NotNull().Must(list => list.Count <= MaxItems).WithMessage($"At most {MaxItems} persons.");
        RuleForEach(c => c.Persons).NotNull().ChildRules(person =>
        {
            person.RuleFor(p => p.Role).NotEmpty()
                .MustAsync(async (code, ct) => (await codes.GetAsync(ct)).PersonRoles.Contains(code!)).WithMessage("Unknown person role.")
                .When(p => !string.IsNullOrEmpty(p.Role));
            person.RuleFor(p => p.FullName).MaximumLength(ShortText);
            person.RuleFor(p => p.Nationality!).Matches(RequestValidation.Iso3Pattern).WithMessage(RequestValidation.Iso3Message)
                .When(p => !string.IsNullOrEmpty(p.Nationality));
            person.RuleFor(p => p.DateOfBirth).Must(date => date <= RequestValidation.Today(time)).WithMessage("A date of birth cannot be in the future.")
                .When(p => p.DateOfBirth is not null);
            person.RuleFor(p => p.Location).MaximumLength(500);
            person.RuleFor(p => p.IdentityDocument).MaximumLength(ShortText);
        });

        RuleFor(c => c.Assistance).NotNull().Must(list => list.Count <= MaxItems).WithMessage($"At most {MaxItems} assistance items.");
        RuleForEach(c => c.Assistance).NotNull().ChildRules(item =>
        {
            item.RuleFor(a => a.Type).NotEmpty()
                .MustAsync(async (code, ct) => (await codes.GetAsync(ct)).AssistanceTypes.Contains(code!)).WithMessage("Unknown assistance type.")
                .When(a => !string.IsNullOrEmpty(a.Type));
            item.RuleFor(a => a.Description).MaximumLength(MediumText * 2);
            item.RuleFor(a => a.Procedure).MaximumLength(MediumText * 2);
        });

        RuleFor(c => c.Purpose).MaximumLength(LongText);
        RuleFor(c => c.Urgency!).Must(BeCode<Urgency>).WithMessage(CodesMessage<Urgency>()).When(c => c.Urgency is not null);
        RuleFor(c => c.UrgencyReason).MaximumLength(MediumText * 2);
        RuleFor(c => c.Language!).Matches("^[a-z]{2,3}$").WithMessage("Use a two- or three-letter lower-case language code, e.g. fr.")
            .When(c => c.Language is not null);
        RuleFor(c => c.Warrant).SetValidator(new DecisionInputValidator(time)!).When(c => c.Warrant is not null);
        RuleFor(c => c.Judgment).SetValidator(new DecisionInputValidator(time)!).When(c => c.Judgment is not null);
        RuleFor(c => c.ExtraditionPurpose!).Must(BeCode<ExtraditionPurpose>).WithMessage(CodesMessage<ExtraditionPurpose>())
            .When(c => c.ExtraditionPurpose is not null);
        RuleFor(c => c.SentenceRemaining).MaximumLength(500);
        RuleFor(c => c.EnforceableSentenceProof).MaximumLength(MediumText * 2);
        RuleFor(c => c.RetrialAvailableInAbsentia).MaximumLength(MediumText * 2);
    }

    private static bool BeCode<TEnum>(string? code)
        where TEnum : struct, Enum => KebabCode.TryParse<TEnum>(code, out _);

    private static string CodesMessage<TEnum>()
        where TEnum : struct, Enum => $"Must be one of: {string.Join(", ", KebabCode.AllCodes<TEnum>())}.";

    private sealed class DecisionInputValidator : AbstractValidator<DecisionInput>
    {
        public DecisionInputValidator(TimeProvider time)
        {
            RuleFor(d => d.IssuingAuthority).MaximumLength(ShortText);
            RuleFor(d => d.Reference).MaximumLength(200);
            RuleFor(d => d.Date).Must(date => date <= RequestValidation.Today(time)).WithMessage("The date cannot be in the future.")
                .When(d => d.Date is not null);
        }
    }
}

/// <summary>Formats and clocks shared by the request validators and handlers.</summary>
public static class RequestValidation
{
    public const string Iso3Pattern = "^[A-Z]{3}$";

    public const string Iso3Message = "Use an upper-case ISO 3166-1 alpha-3 code, e.g. SEN.";

    public const int NoteLength = 4000;

    /// <summary>
    /// Today for users of the region. Its States are on UTC or UTC+1 (West Africa Time), so the date is
    /// taken at UTC+1: a user in Niamey just after midnight may give today's date, and no date later than
    /// any user's today is accepted.
    /// </summary>
    public static DateOnly Today(TimeProvider time) => DateOnly.FromDateTime(time.GetUtcNow().UtcDateTime.AddHours(1));
}
