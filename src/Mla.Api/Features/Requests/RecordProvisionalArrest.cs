namespace Mla.Api.Features.Requests;

/// <summary>
/// The requested side records that the person sought was provisionally arrested, on <c>occurredOn</c>.
/// The status does not change; the provisional-arrest period runs from that date.
/// </summary>
public sealed record RecordProvisionalArrestCommand : TransitionCommand, ICommand<RequestDto>;

public sealed class RecordProvisionalArrestHandler(RequestSteps steps) : ICommandHandler<RecordProvisionalArrestCommand, RequestDto>
{
    public async ValueTask<RequestDto> Handle(RecordProvisionalArrestCommand command, CancellationToken cancellationToken)
    {
        var step = await steps.BeginAsync(command, RequestAction.RecordProvisionalArrest, cancellationToken);
        return await steps.CompleteAsync(step, new RequestProgress { ProvisionalArrestOn = step.OccurredOn }, null, cancellationToken);
    }
}
