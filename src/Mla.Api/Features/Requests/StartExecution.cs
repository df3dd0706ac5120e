namespace Mla.Api.Features.Requests;

/// <summary>The requested side assigns the request to an executing authority: to InExecution (also resumes a postponed one).</summary>
public sealed record StartExecutionCommand : TransitionCommand, ICommand<RequestDto>
{
    /// <summary>The court, prosecutor or police unit that executes the request.</summary>
    public string? ExecutingAuthority { get; init; }
}

public sealed class StartExecutionValidator : AbstractValidator<StartExecutionCommand>
{
    public StartExecutionValidator()
    {
        RuleFor(c => c.ExecutingAuthority).NotEmpty().MaximumLength(RequestContentValidator.ShortText).MustBeSingleLineText();
    }
}

public sealed class StartExecutionHandler(RequestSteps steps) : ICommandHandler<StartExecutionCommand, RequestDto>
{
    public async ValueTask<RequestDto> Handle(StartExecutionCommand command, CancellationToken cancellationToken)
    {
        var step = await steps.BeginAsync(command, RequestAction.StartExecution, cancellationToken);
        var authority = command.ExecutingAuthority!.Trim();
        return await steps.CompleteAsync(step, new RequestProgress { ExecutingAuthority = authority },
            new { executingAuthority = authority }, cancellationToken);
    }
}
