namespace Mla.Api.Features.Requests;

/// <summary>
/// The requested central authority postpones execution because it would interfere with a domestic
/// proceeding (UNTOC 18(25)): to Postponed. Start execution resumes it.
/// </summary>
public sealed record PostponeExecutionCommand : TransitionCommand, ICommand<RequestDto>
{
    public string? Reason { get; init; }

    /// <summary>Until when, if a date is known.</summary>
    public DateOnly? PostponedUntil { get; init; }
}

public sealed class PostponeExecutionValidator : AbstractValidator<PostponeExecutionCommand>
{
    public PostponeExecutionValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(RequestContentValidator.MediumText * 2);
        RuleFor(c => c.PostponedUntil).Must((c, date) => date is null || c.OccurredOn is null || date >= c.OccurredOn)
            .WithMessage("Execution cannot be postponed to a date before the postponement.")
            .Must((c, date) => date is null || c.OccurredOn is null || date <= c.OccurredOn.Value.AddYears(ValidationRules.PlausibleYears))
            .WithMessage($"Execution can be postponed by at most {ValidationRules.PlausibleYears} years.");
    }
}

public sealed class PostponeExecutionHandler(RequestSteps steps) : ICommandHandler<PostponeExecutionCommand, RequestDto>
{
    public async ValueTask<RequestDto> Handle(PostponeExecutionCommand command, CancellationToken cancellationToken)
    {
        var step = await steps.BeginAsync(command, RequestAction.Postpone, cancellationToken);
        return await steps.CompleteAsync(step, RequestProgress.None,
            new { reason = command.Reason!.Trim(), postponedUntil = command.PostponedUntil }, cancellationToken);
    }
}
