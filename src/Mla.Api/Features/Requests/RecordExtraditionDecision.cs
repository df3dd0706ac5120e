using FluentValidation;
using Mediator;
using Mla.Api.Infrastructure.Auth;
using Mla.Api.Infrastructure.Data;
using Mla.Domain;
using Mla.Domain.Lifecycle;
using Mla.Domain.Requests;

namespace Mla.Api.Features.Requests;

/// <summary>
/// The requested central authority records the extradition decision: granted or partly granted goes on
/// to execution (the surrender), refused is final and, like any refusal, needs coded grounds and reasons.
/// </summary>
public sealed record RecordExtraditionDecisionCommand : TransitionCommand, ICommand<RequestDto>
{
    /// <summary><c>granted</c>, <c>partly-granted</c> or <c>refused</c>.</summary>
    public string? Decision { get; init; }

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
        Include(new TransitionCommandValidator());
        RuleFor(c => c.Decision).NotEmpty().Must(code => KebabCode.TryParse<ExtraditionDecision>(code, out _))
            .WithMessage($"Must be one of: {string.Join(", ", KebabCode.AllCodes<ExtraditionDecision>())}.");
        RuleFor(c => c.Grounds).NotNull().Must(list => list.Count <= 20).WithMessage("At most 20 grounds.");
        RuleForEach(c => c.Grounds).NotEmpty();
        RuleFor(c => c.Reasons).MaximumLength(RequestContentInputValidator.LongText);
        When(c => c.Decision == "refused", () =>
        {
            RuleFor(c => c.Grounds).NotEmpty().WithMessage("Give at least one refusal ground.");
            RuleFor(c => c.Reasons).NotEmpty().WithMessage("The reasons for a refusal are mandatory.");
        });
        When(c => c.Decision is "granted" or "partly-granted", () =>
            RuleFor(c => c.Grounds).Empty().WithMessage("Refusal grounds go with a refusal only."));
    }
}

public sealed class RecordExtraditionDecisionHandler(
    TransitionRunner runner,
    IDbSession session,
    RequestStore store,
    ReferenceCodes codes,
    RequestReader reader,
    ICurrentUser currentUser) : ICommandHandler<RecordExtraditionDecisionCommand, RequestDto>
{
    private const string DecisionSql = "UPDATE requests SET extradition_decision = @decision WHERE id = @id";

    public async ValueTask<RequestDto> Handle(RecordExtraditionDecisionCommand command, CancellationToken cancellationToken)
    {
        var decision = KebabCode.Parse<ExtraditionDecision>(command.Decision!);
        await runner.RunAsync(command.ToTransition(
            RequestAction.RecordExtraditionDecision,
            apply: async (request, _, ct) =>
            {
                if (decision == ExtraditionDecision.Refused)
                {
                    var appliesTo = await RefusalGrounds.CheckAsync(codes, request.Kind, command.Grounds, ct);
                    await store.AddRefusalGroundsAsync(request.Id, appliesTo, command.Grounds, ct);
                }

                await session.ExecuteAsync(DecisionSql, new { id = request.Id, decision = decision.ToCode() }, ct);
                return new { decision, grounds = command.Grounds, reasons = command.Reasons?.Trim() };
            },
            decide: request => RequestLifecycle.Decide(request.Kind, request.Status, decision, currentUser.Role, request.Side, request.Context)),
            cancellationToken);
        return await reader.ReadAsync(command.RequestId, cancellationToken);
    }
}
