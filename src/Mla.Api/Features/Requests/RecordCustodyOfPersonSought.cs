namespace Mla.Api.Features.Requests;

/// <summary>
/// The requested side records that the person sought was provisionally arrested, on <c>occurredOn</c>.
/// The status does not change; the provisional-arrest period runs from that date.
/// </summary>
public sealed record RecordProvisionalArrestCommand : TransitionCommand, ICommand<RequestDto>;

/// <summary>The person sought was surrendered on <c>occurredOn</c>, after a granted decision: to Executed, final.</summary>
public sealed record RecordSurrenderCommand : TransitionCommand, ICommand<RequestDto>;

/// <summary>
/// The two steps of an extradition that only date what happened to the person sought: the lifecycle
/// table decides who may record them and what the status becomes; each stores its date, from which the
/// deadlines follow (the arrest starts the provisional-arrest period). One handler for both, because
/// they differ only in the action and in the date's column.
/// </summary>
public sealed class RecordCustodyOfPersonSoughtHandler(RequestSteps steps)
    : ICommandHandler<RecordProvisionalArrestCommand, RequestDto>, ICommandHandler<RecordSurrenderCommand, RequestDto>
{
    public async ValueTask<RequestDto> Handle(RecordProvisionalArrestCommand command, CancellationToken cancellationToken)
    {
        var step = await steps.BeginAsync(command, RequestAction.RecordProvisionalArrest, cancellationToken);
        return await steps.CompleteAsync(step, new RequestProgress { ProvisionalArrestOn = step.OccurredOn }, null, cancellationToken);
    }

    public async ValueTask<RequestDto> Handle(RecordSurrenderCommand command, CancellationToken cancellationToken)
    {
        var step = await steps.BeginAsync(command, RequestAction.RecordSurrender, cancellationToken);
        return await steps.CompleteAsync(step, new RequestProgress { SurrenderedOn = step.OccurredOn }, null, cancellationToken);
    }
}
