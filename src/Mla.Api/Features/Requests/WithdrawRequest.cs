using FluentValidation;
using Mediator;
using Mla.Domain.Lifecycle;

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
        Include(new TransitionCommandValidator());
        RuleFor(c => c.Reason).NotEmpty().MaximumLength(RequestContentInputValidator.MediumText * 2);
    }
}

public sealed class WithdrawRequestHandler(TransitionRunner runner, RequestReader reader)
    : ICommandHandler<WithdrawRequestCommand, RequestDto>
{
    public async ValueTask<RequestDto> Handle(WithdrawRequestCommand command, CancellationToken cancellationToken)
    {
        await runner.RunAsync(command.ToTransition(RequestAction.Withdraw, (_, _, _) =>
            Task.FromResult<object?>(new { reason = command.Reason!.Trim() })), cancellationToken);
        return await reader.ReadAsync(command.RequestId, cancellationToken);
    }
}
