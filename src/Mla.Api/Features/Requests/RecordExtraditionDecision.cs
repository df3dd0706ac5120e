namespace Mla.Api.Features.Requests;

/// <summary>
/// The requested central authority records the extradition decision: granted or partly granted goes on
/// to execution (the surrender), refused is final and, like any refusal, needs coded grounds and reasons.
/// </summary>
public sealed record RecordExtraditionDecisionCommand : TransitionCommand, ICommand<RequestDto>
{
    public ExtraditionDecision? Decision { get; init; }

    /// <summary>Extradition refusal-ground codes, when refused.</summary>
    public IReadOnlyList<string> Grounds { get; init; } = [];

    /// <summary>The reasons, mandatory when refused.</summary>
    public string? Reasons { get; init; }
}

public sealed class RecordExtraditionDecisionValidator : AbstractValidator<RecordExtraditionDecisionCommand>
{
    public RecordExtraditionDecisionValidator()
    {
        // A rule stops at its first failure: a null list is reported, never read.
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Decision).NotNull().IsInEnum();
        RuleFor(c => c.Grounds).NotNull().Must(list => list.Count <= 20).WithMessage("At most 20 grounds.");
        RuleForEach(c => c.Grounds).NotEmpty();
        RuleFor(c => c.Reasons).MaximumLength(RequestContentValidator.LongText);
        When(c => c.Decision == ExtraditionDecision.Refused, () =>
        {
            RuleFor(c => c.Grounds).NotEmpty().WithMessage("Give at least one refusal ground.");
            RuleFor(c => c.Reasons).NotEmpty().WithMessage("The reasons for a refusal are mandatory.");
        });
        When(c => c.Decision is ExtraditionDecision.Granted or ExtraditionDecision.PartlyGranted, () =>
            RuleFor(c => c.Grounds).Empty().WithMessage("Refusal grounds go with a refusal only."));
    }
}

public sealed class RecordExtraditionDecisionHandler(RequestSteps steps, RequestStore store, ReferenceCodes codes, RequestReader reader)
    : ICommandHandler<RecordExtraditionDecisionCommand, RequestDto>
{
    public async ValueTask<RequestDto> Handle(RecordExtraditionDecisionCommand command, CancellationToken cancellationToken)
    {
        var decision = command.Decision!.Value;
        var step = await steps.BeginAsync(command, decision, cancellationToken);
        var refusedUnder = decision == ExtraditionDecision.Refused
            ? await RefusalGrounds.CheckAsync(codes, step.Request!.Kind, command.Grounds, cancellationToken)
            : null;

        await steps.ClaimAsync(step, new RequestProgress { ExtraditionDecision = decision }, cancellationToken);
        if (refusedUnder is not null)
        {
            await store.AddRefusalGroundsAsync(step.RequestId, refusedUnder, command.Grounds, cancellationToken);
        }

        await steps.RecordAsync(step, new { decision, grounds = command.Grounds, reasons = command.Reasons?.Trim() }, cancellationToken);
        return await reader.ReadAsync(step.RequestId, cancellationToken);
    }
}
