using FluentValidation;
using Mediator;
using Mla.Api.Infrastructure.Data;
using Mla.Domain.Lifecycle;

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
        Include(new TransitionCommandValidator());
        RuleFor(c => c.RequestedSideReference).NotEmpty().MaximumLength(200);
    }
}

public sealed class AcknowledgeReceiptHandler(TransitionRunner runner, IDbSession session, RequestReader reader)
    : ICommandHandler<AcknowledgeReceiptCommand, RequestDto>
{
    private const string ReceiptSql = "UPDATE requests SET received_on = @receivedOn, requested_side_reference = @reference WHERE id = @id";

    public async ValueTask<RequestDto> Handle(AcknowledgeReceiptCommand command, CancellationToken cancellationToken)
    {
        var reference = command.RequestedSideReference!.Trim();
        await runner.RunAsync(command.ToTransition(RequestAction.AcknowledgeReceipt, async (request, _, ct) =>
        {
            await session.ExecuteAsync(ReceiptSql, new { id = request.Id, receivedOn = command.OccurredOn, reference }, ct);
            return new { requestedSideReference = reference };
        }), cancellationToken);
        return await reader.ReadAsync(command.RequestId, cancellationToken);
    }
}
