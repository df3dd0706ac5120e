namespace Mla.Api.Features.Requests;

/// <summary>The requesting central authority answers a request for information: back to InExecution.</summary>
public sealed record ProvideInformationCommand : TransitionCommand, ICommand<RequestDto>
{
    /// <summary>The information given (or where it is to be found, e.g. in an annex).</summary>
    public string? InformationProvided { get; init; }
}

public sealed class ProvideInformationValidator : AbstractValidator<ProvideInformationCommand>
{
    public ProvideInformationValidator()
    {
        RuleFor(c => c.InformationProvided).NotEmpty().MaximumLength(RequestContentValidator.LongText);
    }
}

public sealed class ProvideInformationHandler(RequestSteps steps) : ICommandHandler<ProvideInformationCommand, RequestDto>
{
    public async ValueTask<RequestDto> Handle(ProvideInformationCommand command, CancellationToken cancellationToken)
    {
        var step = await steps.BeginAsync(command, RequestAction.ProvideInformation, cancellationToken);
        return await steps.CompleteAsync(step, RequestProgress.None, new { informationProvided = command.InformationProvided!.Trim() }, cancellationToken);
    }
}
