namespace Mla.Api.Features.Requests;

/// <summary>The requesting central authority withdraws a request no longer needed (UNTOC 18(24)): to Withdrawn, final.</summary>
public sealed record WithdrawRequestCommand : TransitionCommand, ICommand<RequestDto>
{
    public string? Reason { get; init; }
}

public sealed class WithdrawRequestValidator : AbstractValidator<WithdrawRequestCommand>
{
    public WithdrawRequestValidator()
    {
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(RequestContentValidator.MediumText * 2);
    }
}

public sealed class WithdrawRequestHandler(RequestSteps steps) : ICommandHandler<WithdrawRequestCommand, RequestDto>
{
    public async ValueTask<RequestDto> Handle(WithdrawRequestCommand command, CancellationToken cancellationToken)
    {
        var step = await steps.BeginAsync(command, RequestAction.Withdraw, cancellationToken);
        return await steps.CompleteAsync(step, RequestProgress.None, new { reason = command.Reason!.Trim() }, cancellationToken);
    }
}
