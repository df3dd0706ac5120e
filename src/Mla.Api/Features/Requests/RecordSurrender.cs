namespace Mla.Api.Features.Requests;

/// <summary>The person sought was surrendered on <c>occurredOn</c>, after a granted decision: to Executed, final.</summary>
public sealed record RecordSurrenderCommand : TransitionCommand, ICommand<RequestDto>;

public sealed class RecordSurrenderHandler(RequestSteps steps) : ICommandHandler<RecordSurrenderCommand, RequestDto>
{
    public async ValueTask<RequestDto> Handle(RecordSurrenderCommand command, CancellationToken cancellationToken)
    {
        var step = await steps.BeginAsync(command, RequestAction.RecordSurrender, cancellationToken);
        return await steps.CompleteAsync(step, new RequestProgress { SurrenderedOn = step.OccurredOn }, null, cancellationToken);
    }
}
