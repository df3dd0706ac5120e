using Mediator;
using Mla.Api.Infrastructure.Data;
using Mla.Domain.Lifecycle;

namespace Mla.Api.Features.Requests;

/// <summary>The person sought was surrendered on <c>occurredOn</c>, after a granted decision: to Executed, final.</summary>
public sealed record RecordSurrenderCommand : TransitionCommand, ICommand<RequestDto>;

public sealed class RecordSurrenderValidator : FluentValidation.AbstractValidator<RecordSurrenderCommand>
{
    public RecordSurrenderValidator() => Include(new TransitionCommandValidator());
}

public sealed class RecordSurrenderHandler(TransitionRunner runner, IDbSession session, RequestReader reader)
    : ICommandHandler<RecordSurrenderCommand, RequestDto>
{
    private const string SurrenderSql = "UPDATE requests SET surrendered_on = @surrenderedOn WHERE id = @id";

    public async ValueTask<RequestDto> Handle(RecordSurrenderCommand command, CancellationToken cancellationToken)
    {
        await runner.RunAsync(command.ToTransition(RequestAction.RecordSurrender, async (request, _, ct) =>
        {
            await session.ExecuteAsync(SurrenderSql, new { id = request.Id, surrenderedOn = command.OccurredOn }, ct);
            return null;
        }), cancellationToken);
        return await reader.ReadAsync(command.RequestId, cancellationToken);
    }
}
