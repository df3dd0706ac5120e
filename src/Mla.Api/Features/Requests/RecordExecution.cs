namespace Mla.Api.Features.Requests;

/// <summary>
/// The requested side records the outcome of each assistance item of an MLA request: to Executed when
/// every item was executed, PartiallyExecuted otherwise. When nothing was executed, refuse instead (422).
/// </summary>
public sealed record RecordExecutionCommand : TransitionCommand, ICommand<RequestDto>
{
    /// <summary>One outcome per assistance item, in the order of the request's <c>assistance</c>.</summary>
    public IReadOnlyList<ItemOutcomeInput> Outcomes { get; init; } = [];
}

/// <summary>The outcome of one assistance item, with a note.</summary>
public sealed record ItemOutcomeInput(ExecutionOutcome? Outcome, string? Note);

public sealed class RecordExecutionValidator : AbstractValidator<RecordExecutionCommand>
{
    public RecordExecutionValidator()
    {
        // A rule stops at its first failure: a null list is reported, never read.
        RuleLevelCascadeMode = CascadeMode.Stop;
        RuleFor(c => c.Outcomes).NotEmpty().Must(list => list.Count <= RequestContentValidator.MaxItems)
            .WithMessage($"At most {RequestContentValidator.MaxItems} outcomes.");
        RuleForEach(c => c.Outcomes).NotNull().ChildRules(item =>
        {
            item.RuleFor(o => o.Outcome).NotNull().IsInEnum();
            item.RuleFor(o => o.Note).MaximumLength(RequestContentValidator.MediumText * 2);
        });
    }
}

public sealed class RecordExecutionHandler(RequestSteps steps, RequestStore store, RequestReader reader)
    : ICommandHandler<RecordExecutionCommand, RequestDto>
{
    public async ValueTask<RequestDto> Handle(RecordExecutionCommand command, CancellationToken cancellationToken)
    {
        List<ItemOutcome> outcomes = [.. command.Outcomes.Select(o => new ItemOutcome(o.Outcome!.Value, string.IsNullOrWhiteSpace(o.Note) ? null : o.Note.Trim()))];
        var step = await steps.BeginAsync(command, [.. outcomes.Select(o => o.Outcome)], cancellationToken);
        var items = step.Request!.Content.Assistance.Count;
        if (items != outcomes.Count)
        {
            throw new InvalidInputException(new Dictionary<string, string[]>
            {
                ["outcomes"] = [$"Give exactly one outcome per assistance item: the request has {items}."],
            });
        }

        await steps.ClaimAsync(step, RequestProgress.None, cancellationToken);
        await store.RecordOutcomesAsync(step.RequestId, outcomes, cancellationToken);
        await steps.RecordAsync(step, new { outcomes }, cancellationToken);
        return await reader.ReadAsync(step.RequestId, cancellationToken);
    }
}
