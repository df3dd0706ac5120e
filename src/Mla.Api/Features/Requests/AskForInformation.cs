namespace Mla.Api.Features.Requests;

/// <summary>The requested side asks for more information: to AwaitingInformation, its clock paused.</summary>
public sealed record AskForInformationCommand : TransitionCommand, ICommand<RequestDto>
{
    /// <summary>What is needed.</summary>
    public string? InformationNeeded { get; init; }

    /// <summary>By when it is needed, if there is a date.</summary>
    public DateOnly? RespondBy { get; init; }
}

public sealed class AskForInformationValidator : AbstractValidator<AskForInformationCommand>
{
    public AskForInformationValidator()
    {
        RuleFor(c => c.InformationNeeded).NotEmpty().MaximumLength(RequestContentValidator.MediumText * 2);
        RuleFor(c => c.RespondBy).Must((c, date) => date is null || c.OccurredOn is null || date >= c.OccurredOn)
            .WithMessage("The date to respond by cannot be before the date of the question.")
            .Must((c, date) => date is null || c.OccurredOn is null || date <= c.OccurredOn.Value.AddYears(ValidationRules.PlausibleYears))
            .WithMessage($"The date to respond by must be within {ValidationRules.PlausibleYears} years of the question.");
    }
}

public sealed class AskForInformationHandler(RequestSteps steps) : ICommandHandler<AskForInformationCommand, RequestDto>
{
    public async ValueTask<RequestDto> Handle(AskForInformationCommand command, CancellationToken cancellationToken)
    {
        var step = await steps.BeginAsync(command, RequestAction.AskInformation, cancellationToken);
        return await steps.CompleteAsync(step, RequestProgress.None,
            new { informationNeeded = command.InformationNeeded!.Trim(), respondBy = command.RespondBy }, cancellationToken);
    }
}
