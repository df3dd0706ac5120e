namespace Mla.Api.Features.Requests;

/// <summary>The requested side acknowledges a transmitted request, with its own reference: to Received.</summary>
public sealed record AcknowledgeReceiptCommand : TransitionCommand, ICommand<RequestDto>
{
    /// <summary>The requested State's own reference for the request.</summary>
    public string? RequestedSideReference { get; init; }
}

public sealed class AcknowledgeReceiptValidator : AbstractValidator<AcknowledgeReceiptCommand>
{
    public AcknowledgeReceiptValidator()
    {
        RuleFor(c => c.RequestedSideReference).NotEmpty().MaximumLength(200).MustBeSingleLineText();
    }
}

public sealed class AcknowledgeReceiptHandler(RequestSteps steps) : ICommandHandler<AcknowledgeReceiptCommand, RequestDto>
{
    public async ValueTask<RequestDto> Handle(AcknowledgeReceiptCommand command, CancellationToken cancellationToken)
    {
        var step = await steps.BeginAsync(command, RequestAction.AcknowledgeReceipt, cancellationToken);
        var reference = command.RequestedSideReference!.Trim();
        return await steps.CompleteAsync(step, new RequestProgress { ReceivedOn = step.OccurredOn, RequestedSideReference = reference },
            new { requestedSideReference = reference }, cancellationToken);
    }
}
