namespace Mla.Api.Features.Requests;

/// <summary>The requested central authority refuses the request, with coded grounds and its reasons: to Refused, final.</summary>
public sealed record RefuseRequestCommand : TransitionCommand, ICommand<RequestDto>
{
    /// <summary>Refusal-ground codes for the request's kind (<c>/api/reference/refusal-grounds</c>).</summary>
    public IReadOnlyList<string> Grounds { get; init; } = [];

    /// <summary>The reasons, which the requested State must give.</summary>
    public string? Reasons { get; init; }
}

public sealed class RefuseRequestValidator : AbstractValidator<RefuseRequestCommand>
{
    public RefuseRequestValidator()
    {
        // A rule stops at its first failure: a null list is reported, never read.
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Grounds).NotEmpty().WithMessage("Give at least one refusal ground.")
            .Must(list => list.Count <= 20).WithMessage("At most 20 grounds.");
        RuleForEach(c => c.Grounds).NotEmpty();
        RuleFor(c => c.Reasons).NotEmpty().WithMessage("The reasons for a refusal are mandatory.")
            .MaximumLength(RequestContentValidator.LongText);
    }
}

public sealed class RefuseRequestHandler(RequestSteps steps, RequestStore store, ReferenceCodes codes, RequestReader reader) : ICommandHandler<RefuseRequestCommand, RequestDto>
{
    public async ValueTask<RequestDto> Handle(RefuseRequestCommand command, CancellationToken cancellationToken)
    {
        var step = await steps.BeginAsync(command, RequestAction.Refuse, cancellationToken);
        var appliesTo = await RefusalGrounds.CheckAsync(codes, step.Request!.Kind, command.Grounds, cancellationToken);

        await steps.ClaimAsync(step, RequestProgress.None, cancellationToken);
        await store.AddRefusalGroundsAsync(step.RequestId, appliesTo, command.Grounds, cancellationToken);
        await steps.RecordAsync(step, new { grounds = command.Grounds, reasons = command.Reasons!.Trim() }, cancellationToken);
        return await reader.ReadAsync(step.RequestId, cancellationToken);
    }
}
/// <summary>Refusal grounds differ between MLA and extradition (provisional arrest uses extradition's).</summary>
public static class RefusalGrounds
{
    /// <summary>Checks every code against the grounds of the kind (400 on <c>grounds[i]</c>); returns the list they belong to.</summary>
    public static async Task<string> CheckAsync(ReferenceCodes codes, RequestKind kind, IReadOnlyList<string> grounds, CancellationToken cancellationToken)
    {
        var sets = await codes.GetAsync(cancellationToken);
        var (appliesTo, known) = kind == RequestKind.Mla ? ("mla", sets.MlaRefusalGrounds) : ("extradition", sets.ExtraditionRefusalGrounds);
        var errors = grounds
            .Select((code, i) => (code, i))
            .Where(g => !known.Contains(g.code))
            .ToDictionary(g => $"grounds[{g.i}]", _ => new[] { $"Not a refusal ground for {appliesTo} requests (bank secrecy and fiscal matters never are)." });
        return errors.Count > 0 ? throw new InvalidInputException(errors) : appliesTo;
    }
}
