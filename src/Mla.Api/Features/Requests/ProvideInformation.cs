using FluentValidation;
using Mediator;
using Mla.Domain.Lifecycle;

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
        Include(new TransitionCommandValidator());
        RuleFor(c => c.InformationProvided).NotEmpty().MaximumLength(RequestContentInputValidator.LongText);
    }
}

public sealed class ProvideInformationHandler(TransitionRunner runner, RequestReader reader)
    : ICommandHandler<ProvideInformationCommand, RequestDto>
{
    public async ValueTask<RequestDto> Handle(ProvideInformationCommand command, CancellationToken cancellationToken)
    {
        await runner.RunAsync(command.ToTransition(RequestAction.ProvideInformation, (_, _, _) =>
            Task.FromResult<object?>(new { informationProvided = command.InformationProvided!.Trim() })), cancellationToken);
        return await reader.ReadAsync(command.RequestId, cancellationToken);
    }
}
