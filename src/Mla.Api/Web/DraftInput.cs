using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Mla.Api.Web;

/// <summary>
/// The drafting form: <see cref="RequestContent"/> field for field, as text, so a refused form comes back as
/// typed and its validation messages (keyed by the content's paths) land beside the same fields. Each step
/// writes its own fields into the saved content and leaves the others as they were.
/// </summary>
public sealed class DraftInput
{
    public static readonly IReadOnlyList<string> Steps = ["basics", "authorities", "facts", "persons", "assistance", "purpose", "review"];

    public int Version { get; set; }

    public string? IdempotencyKey { get; set; }

    public string? Kind { get; set; }

    public string? RequestedState { get; set; }

    public List<string> LegalBases { get; set; } = [];

    public string? BilateralTreatyName { get; set; }

    public string? Language { get; set; }

    public bool Confidential { get; set; }

    public AuthorityInput InvestigatingAuthority { get; set; } = new();

    public DecisionInput Warrant { get; set; } = new();

    public DecisionInput Judgment { get; set; } = new();

    public string? Subject { get; set; }

    public string? Facts { get; set; }

    public List<OffenceInput> Offences { get; set; } = [];

    public List<PersonInput> Persons { get; set; } = [];

    public List<AssistanceInput> Assistance { get; set; } = [];

    public string? Purpose { get; set; }

    public string? Urgency { get; set; }

    public string? UrgencyReason { get; set; }

    public string? TimeLimit { get; set; }

    public string? ExtraditionPurpose { get; set; }

    public string? SentenceRemaining { get; set; }

    public string? EnforceableSentenceProof { get; set; }

    public string? RetrialAvailableInAbsentia { get; set; }

    public bool ExtraditionWillBeRequested { get; set; }

    public static DraftInput From(RequestContent content, int version) => new()
    {
        Version = version,
        Kind = content.Kind.ToCode(),
        RequestedState = content.RequestedState,
        LegalBases = [.. content.LegalBases],
        BilateralTreatyName = content.BilateralTreatyName,
        Language = content.Language,
        Confidential = content.Confidential,
        InvestigatingAuthority = new AuthorityInput { Name = content.InvestigatingAuthority?.Name, Function = content.InvestigatingAuthority?.Function },
        Warrant = DecisionInput.From(content.Warrant),
        Judgment = DecisionInput.From(content.Judgment),
        Subject = content.Subject,
        Facts = content.Facts,
        Offences = [.. content.Offences.Select(o => new OffenceInput { Category = o.Category, Description = o.Description, LegalProvision = o.LegalProvision, MaxPenalty = o.MaxPenalty })],
        Persons = [.. content.Persons.Select(p => new PersonInput { Role = p.Role, FullName = p.FullName, Nationality = p.Nationality, DateOfBirth = Iso(p.DateOfBirth), Location = p.Location, IdentityDocument = p.IdentityDocument })],
        Assistance = [.. content.Assistance.Select(a => new AssistanceInput { Type = a.Type, Description = a.Description, Procedure = a.Procedure })],
        Purpose = content.Purpose,
        Urgency = content.Urgency.ToCode(),
        UrgencyReason = content.UrgencyReason,
        TimeLimit = Iso(content.TimeLimit),
        ExtraditionPurpose = content.ExtraditionPurpose?.ToCode(),
        SentenceRemaining = content.SentenceRemaining,
        EnforceableSentenceProof = content.EnforceableSentenceProof,
        RetrialAvailableInAbsentia = content.RetrialAvailableInAbsentia,
        ExtraditionWillBeRequested = content.ExtraditionWillBeRequested,
    };

    /// <summary>A blank row at the end of each list, to add one more without JavaScript.</summary>
    public DraftInput WithBlankRows()
    {
        Offences.Add(new OffenceInput());
        Persons.Add(new PersonInput());
        Assistance.Add(new AssistanceInput());
        return this;
    }

    /// <summary>
    /// The saved content (or the command carrying it) with this step's fields replaced by what was typed: a
    /// record's <c>with</c> keeps its type and every other field, so the command the page sends is built here
    /// whole. A date that is not a date is put in <paramref name="errors"/> (under the form's key) and left out.
    /// </summary>
    public TContent ApplyTo<TContent>(TContent content, string step, ModelStateDictionary errors, PageText text)
        where TContent : RequestContent =>
        (TContent)Apply(content, step, errors, text);

    private RequestContent Apply(RequestContent content, string step, ModelStateDictionary errors, PageText text)
    {
        switch (step)
        {
            case "basics":
                return content with
                {
                    Kind = KebabCode.TryParse<RequestKind>(Kind, out var kind) ? kind : content.Kind,
                    RequestedState = Blank(RequestedState)?.ToUpperInvariant(),
                    LegalBases = [.. LegalBases.Where(code => !string.IsNullOrWhiteSpace(code)).Distinct(StringComparer.Ordinal)],
                    BilateralTreatyName = Blank(BilateralTreatyName),
                    Language = Blank(Language),
                    Confidential = Confidential,
                };
            case "authorities":
                return content with
                {
                    InvestigatingAuthority = Blank(InvestigatingAuthority.Name) is null && Blank(InvestigatingAuthority.Function) is null
                        ? null
                        : new AuthorityRef(Blank(InvestigatingAuthority.Name), Blank(InvestigatingAuthority.Function)),
                    Warrant = Warrant.ToDecision("Input.Warrant", errors, text),
                    Judgment = Judgment.ToDecision("Input.Judgment", errors, text),
                };
            case "facts":
                return content with
                {
                    Subject = Blank(Subject),
                    Facts = Blank(Facts),
                    Offences = [.. Offences.Where(o => !o.IsBlank).Select(o => new Offence(Blank(o.Category), Blank(o.Description), Blank(o.LegalProvision), Blank(o.MaxPenalty)))],
                };
            case "persons":
                return content with
                {
                    Persons = [.. Persons.Where(p => !p.IsBlank).Select((p, i) => new PersonConcerned(Blank(p.Role), Blank(p.FullName), Blank(p.Nationality)?.ToUpperInvariant(),
                        ParseDate($"Input.Persons[{i}].DateOfBirth", p.DateOfBirth, errors, text), Blank(p.Location), Blank(p.IdentityDocument)))],
                };
            case "assistance":
                return content with
                {
                    Assistance = [.. Assistance.Where(a => !a.IsBlank).Select(a => new AssistanceItem(Blank(a.Type), Blank(a.Description), Blank(a.Procedure)))],
                };
            case "purpose":
                return content with
                {
                    Purpose = Blank(Purpose),
                    Urgency = KebabCode.TryParse<Urgency>(Urgency, out var urgency) ? urgency : Mla.Domain.Requests.Urgency.Normal,
                    UrgencyReason = Blank(UrgencyReason),
                    TimeLimit = ParseDate("Input.TimeLimit", TimeLimit, errors, text),
                    ExtraditionPurpose = KebabCode.TryParse<ExtraditionPurpose>(ExtraditionPurpose, out var purpose) ? purpose : null,
                    SentenceRemaining = Blank(SentenceRemaining),
                    EnforceableSentenceProof = Blank(EnforceableSentenceProof),
                    RetrialAvailableInAbsentia = Blank(RetrialAvailableInAbsentia),
                    ExtraditionWillBeRequested = ExtraditionWillBeRequested,
                };
            default:
                return content;
        }
    }

    internal static DateOnly? ParseDate(string key, string? value, ModelStateDictionary errors, PageText text)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var date))
        {
            return date;
        }

        errors.AddModelError(key, text["error.date"]);
        return null;
    }

    internal static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();

    internal static string? Iso(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public sealed class AuthorityInput
    {
        public string? Name { get; set; }

        public string? Function { get; set; }
    }

    public sealed class DecisionInput
    {
        public string? IssuingAuthority { get; set; }

        public string? Date { get; set; }

        public string? Reference { get; set; }

        public static DecisionInput From(JudicialDecisionRef? decision) =>
            new() { IssuingAuthority = decision?.IssuingAuthority, Date = Iso(decision?.Date), Reference = decision?.Reference };

        public JudicialDecisionRef? ToDecision(string key, ModelStateDictionary errors, PageText text) =>
            Blank(IssuingAuthority) is null && Blank(Date) is null && Blank(Reference) is null
                ? null
                : new JudicialDecisionRef(Blank(IssuingAuthority), ParseDate($"{key}.Date", Date, errors, text), Blank(Reference));
    }

    public sealed class OffenceInput
    {
        public string? Category { get; set; }

        public string? Description { get; set; }

        public string? LegalProvision { get; set; }

        public string? MaxPenalty { get; set; }

        public bool IsBlank => Blank(Category) is null && Blank(Description) is null && Blank(LegalProvision) is null && Blank(MaxPenalty) is null;
    }

    public sealed class PersonInput
    {
        public string? Role { get; set; }

        public string? FullName { get; set; }

        public string? Nationality { get; set; }

        public string? DateOfBirth { get; set; }

        public string? Location { get; set; }

        public string? IdentityDocument { get; set; }

        public bool IsBlank => Blank(Role) is null && Blank(FullName) is null && Blank(Nationality) is null && Blank(DateOfBirth) is null
            && Blank(Location) is null && Blank(IdentityDocument) is null;
    }

    public sealed class AssistanceInput
    {
        public string? Type { get; set; }

        public string? Description { get; set; }

        public string? Procedure { get; set; }

        public bool IsBlank => Blank(Type) is null && Blank(Description) is null && Blank(Procedure) is null;
    }
}
