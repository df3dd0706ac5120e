using Mediator;
using Mla.Api.Infrastructure.Data;
using Mla.Domain.Lifecycle;

namespace Mla.Api.Features.Requests;

/// <summary>
/// The requested side records that the person sought was provisionally arrested, on <c>occurredOn</c>.
/// The status does not change; the provisional-arrest period runs from that date.
/// </summary>
public sealed record RecordProvisionalArrestCommand : TransitionCommand, ICommand<RequestDto>;

public sealed class RecordProvisionalArrestValidator : FluentValidation.AbstractValidator<RecordProvisionalArrestCommand>
{
    public RecordProvisionalArrestValidator() => Include(new TransitionCommandValidator());
}

public sealed class RecordProvisionalArrestHandler(TransitionRunner runner, IDbSession session, RequestReader reader)
    : ICommandHandler<RecordProvisionalArrestCommand, RequestDto>
{
    private const string ArrestSql = "UPDATE requests SET provisional_arrest_on = @arrestedOn WHERE id = @id";

    public async ValueTask<RequestDto> Handle(RecordProvisionalArrestCommand command, CancellationToken cancellationToken)
    {
        await runner.RunAsync(command.ToTransition(RequestAction.RecordProvisionalArrest, async (request, _, ct) =>
        {
            await session.ExecuteAsync(ArrestSql, new { id = request.Id, arrestedOn = command.OccurredOn }, ct);
            return null;
        }), cancellationToken);
        return await reader.ReadAsync(command.RequestId, cancellationToken);
    }
}
