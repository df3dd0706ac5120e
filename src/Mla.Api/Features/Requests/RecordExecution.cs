using FluentValidation;
using Mediator;
using Mla.Api.Infrastructure.Auth;
using Mla.Api.Infrastructure.Errors;
using Mla.Domain;
using Mla.Domain.Lifecycle;
using Mla.Domain.Requests;

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

/// <summary>The outcome of one assistance item: <c>executed</c>, <c>partially-executed</c> or <c>not-executed</c>, with a note.</summary>
public sealed record ItemOutcomeInput(string? Outcome, string? Note);

public sealed class RecordExecutionValidator : AbstractValidator<RecordExecutionCommand>
{
    public RecordExecutionValidator()
    {
        // A rule stops at its first failure: a null list is reported, never read.
        RuleLevelCascadeMode = CascadeMode.Stop;
        Include(new TransitionCommandValidator());
        RuleFor(c => c.Outcomes).NotEmpty().Must(list => list.Count <= RequestContentInputValidator.MaxItems)
            .WithMessage($"At most {RequestContentInputValidator.MaxItems} outcomes.");
        RuleForEach(c => c.Outcomes).NotNull().ChildRules(item =>
        {
            item.RuleFor(o => o.Outcome).NotEmpty().Must(code => KebabCode.TryParse<ExecutionOutcome>(code, out _))
                .WithMessage($"Must be one of: {string.Join(", ", KebabCode.AllCodes<ExecutionOutcome>())}.");
            item.RuleFor(o => o.Note).MaximumLength(RequestContentInputValidator.MediumText * 2);
        });
    }
}

public sealed class RecordExecutionHandler(TransitionRunner runner, RequestStore store, RequestReader reader, ICurrentUser currentUser)
    : ICommandHandler<RecordExecutionCommand, RequestDto>
{
    public async ValueTask<RequestDto> Handle(RecordExecutionCommand command, CancellationToken cancellationToken)
    {
        var outcomes = command.Outcomes
            .Select(o => (Outcome: KebabCode.Parse<ExecutionOutcome>(o.Outcome!), Note: string.IsNullOrWhiteSpace(o.Note) ? null : o.Note.Trim()))
            .ToList();
        await runner.RunAsync(command.ToTransition(
            RequestAction.RecordExecution,
            apply: async (request, _, ct) =>
            {
                var items = await store.LoadAssistanceAsync(request.Id, ct);
                if (items.Count != outcomes.Count)
                {
                    throw new InvalidInputException(new Dictionary<string, string[]>
                    {
                        ["outcomes"] = [$"Give exactly one outcome per assistance item: the request has {items.Count}."],
                    });
                }

                await store.RecordOutcomesAsync(request.Id, outcomes, ct);
                return new { outcomes = outcomes.Select(o => new { outcome = o.Outcome, note = o.Note }) };
            },
            decide: request => RequestLifecycle.Decide(
                request.Kind, request.Status, [.. outcomes.Select(o => o.Outcome)], currentUser.Role, request.Side, request.Context)), cancellationToken);
        return await reader.ReadAsync(command.RequestId, cancellationToken);
    }
}
