namespace Mla.Api.Features.Requests;

/// <summary>
/// Field rules of a request's content, for every body that carries it (create, update, register
/// incoming): known codes, well-formed State and language codes, sizes that fit the columns, one line
/// for names, titles, authorities and references (prose fields may hold line breaks and tabs: facts,
/// purpose, reasons, descriptions of offences and assistance), plausible dates. Completeness is not
/// checked here but at transmission.
/// </summary>
public sealed class RequestContentValidator : AbstractValidator<RequestContent>
{
    public const int ShortText = 300;
    public const int MediumText = 2000;
    public const int LongText = 20000;
    public const int MaxItems = 100;

    public RequestContentValidator(ReferenceCodes codes, UserClock clock)
    {
        // A rule stops at its first failure: a null list is reported, never read.
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Kind).IsInEnum();
        RuleFor(c => c.RequestedState).MustBeCountryCode().When(c => c.RequestedState is not null);

        RuleFor(c => c.LegalBases).NotNull().Must(list => list.Count <= 20).WithMessage("At most 20 legal bases.")
            .Must(list => list.Distinct(StringComparer.Ordinal).Count() == list.Count).WithMessage("A legal basis is named twice.");
        RuleForEach(c => c.LegalBases).NotEmpty()
            .MustAsync(async (code, ct) => (await codes.GetAsync(ct)).LegalBases.Contains(code)).WithMessage("Unknown legal basis.");
        RuleFor(c => c.BilateralTreatyName).MaximumLength(500).MustBeSingleLineText();
        RuleFor(c => c.Subject).MaximumLength(MediumText).MustBeSingleLineText();
        RuleFor(c => c.InvestigatingAuthority!.Name).MaximumLength(ShortText).MustBeSingleLineText().When(c => c.InvestigatingAuthority is not null);
        RuleFor(c => c.InvestigatingAuthority!.Function).MaximumLength(ShortText).MustBeSingleLineText().When(c => c.InvestigatingAuthority is not null);
        RuleFor(c => c.Facts).MaximumLength(LongText);

        RuleFor(c => c.Offences).NotNull().Must(list => list.Count <= MaxItems).WithMessage($"At most {MaxItems} offences.");
        RuleForEach(c => c.Offences).NotNull().ChildRules(offence =>
        {
            offence.RuleFor(o => o.Category).NotEmpty()
                .MustAsync(async (code, ct) => (await codes.GetAsync(ct)).OffenceCategories.Contains(code!)).WithMessage("Unknown offence category.");
            offence.RuleFor(o => o.Description).MaximumLength(MediumText * 2);
            offence.RuleFor(o => o.LegalProvision).MaximumLength(MediumText * 2);
            offence.RuleFor(o => o.MaxPenalty).MaximumLength(500).MustBeSingleLineText();
        });

        RuleFor(c => c.Persons).NotNull().Must(list => list.Count <= MaxItems).WithMessage($"At most {MaxItems} persons.");
        RuleForEach(c => c.Persons).NotNull().ChildRules(person =>
        {
            person.RuleFor(p => p.Role).NotEmpty()
                .MustAsync(async (code, ct) => (await codes.GetAsync(ct)).PersonRoles.Contains(code!)).WithMessage("Unknown person role.");
            person.RuleFor(p => p.FullName).MaximumLength(ShortText).MustBeSingleLineText();
            person.RuleFor(p => p.Nationality).MustBeCountryCode().When(p => !string.IsNullOrEmpty(p.Nationality));
            person.RuleFor(p => p.DateOfBirth).MustBeOnOrAfter(ValidationRules.EarliestDateOfBirth)
                .MustAsync(async (date, ct) => date <= await clock.TodayAsync(ct))
                .WithMessage("A date of birth cannot be in the future.").When(p => p.DateOfBirth is not null);
            person.RuleFor(p => p.Location).MaximumLength(500).MustBeSingleLineText();
            person.RuleFor(p => p.IdentityDocument).MaximumLength(ShortText).MustBeSingleLineText();
            person.RuleFor(p => p.PlaceOfBirth).MaximumLength(ShortText).MustBeSingleLineText();
            person.RuleFor(p => p.Aliases).MaximumLength(1000).MustBeSingleLineText();
            person.RuleFor(p => p.ParentsNames).MaximumLength(500).MustBeSingleLineText();
            person.RuleFor(p => p.PhysicalDescription).MaximumLength(MediumText);
        });

        RuleFor(c => c.Assistance).NotNull().Must(list => list.Count <= MaxItems).WithMessage($"At most {MaxItems} assistance items.");
        RuleForEach(c => c.Assistance).NotNull().ChildRules(item =>
        {
            item.RuleFor(a => a.Type).NotEmpty()
                .MustAsync(async (code, ct) => (await codes.GetAsync(ct)).AssistanceTypes.Contains(code!)).WithMessage("Unknown assistance type.");
            item.RuleFor(a => a.Description).MaximumLength(MediumText * 2);
            item.RuleFor(a => a.Procedure).MaximumLength(MediumText * 2);
        });

        RuleFor(c => c.Purpose).MaximumLength(LongText);
        RuleFor(c => c.Urgency).IsInEnum();
        RuleFor(c => c.UrgencyReason).MaximumLength(MediumText * 2);
        RuleFor(c => c.TimeLimit).MustAsync(async (limit, ct) => IsWithinYears(limit!.Value, await clock.TodayAsync(ct)))
            .WithMessage($"A time limit within {ValidationRules.PlausibleYears} years of today.").When(c => c.TimeLimit is not null);
        RuleFor(c => c.Language).MustBeLanguageCode().When(c => c.Language is not null);
        RuleFor(c => c.Warrant).SetValidator(new JudicialDecisionValidator(clock)!).When(c => c.Warrant is not null);
        RuleFor(c => c.Judgment).SetValidator(new JudicialDecisionValidator(clock)!).When(c => c.Judgment is not null);
        RuleFor(c => c.ExtraditionPurpose).IsInEnum();
        RuleFor(c => c.SentenceRemaining).MaximumLength(500).MustBeSingleLineText();
        RuleFor(c => c.EnforceableSentenceProof).MaximumLength(MediumText * 2);
        RuleFor(c => c.RetrialAvailableInAbsentia).MaximumLength(MediumText * 2);
        RuleFor(c => c.LegalProvisionsText).MaximumLength(LongText);
    }

    private static bool IsWithinYears(DateOnly date, DateOnly today) =>
        date >= today.AddYears(-ValidationRules.PlausibleYears) && date <= today.AddYears(ValidationRules.PlausibleYears);

    private sealed class JudicialDecisionValidator : AbstractValidator<JudicialDecisionRef>
    {
        public JudicialDecisionValidator(UserClock clock)
        {
            RuleFor(d => d.IssuingAuthority).MaximumLength(ShortText).MustBeSingleLineText();
            RuleFor(d => d.Reference).MaximumLength(200).MustBeSingleLineText();
            RuleFor(d => d.Date).MustBeOnOrAfter(ValidationRules.EarliestDecisionDate)
                .MustAsync(async (date, ct) => date <= await clock.TodayAsync(ct)).WithMessage("The date cannot be in the future.")
                .When(d => d.Date is not null);
        }
    }
}

/// <summary>Sizes shared by the request validators.</summary>
public static class RequestValidation
{
    public const int NoteLength = 4000;
}
