namespace Mla.Api.Features.Requests;

/// <summary>
/// Discards a draft, the only thing that can be deleted. The timeline is append-only, so the request's
/// row stays, emptied of everything written in it (persons and annexes first of all), with a discard
/// event; from then on the request answers 404.
/// </summary>
public sealed record DiscardDraftCommand(Guid RequestId, int? ExpectedVersion) : ICommand<Unit>;

public sealed class DiscardDraftHandler(RequestSteps steps, RequestStore store, TimeProvider time)
    : ICommandHandler<DiscardDraftCommand, Unit>
{
    public async ValueTask<Unit> Handle(DiscardDraftCommand command, CancellationToken cancellationToken)
    {
        var step = await steps.BeginAsync(command.RequestId, command.ExpectedVersion, RequestAction.DiscardDraft, cancellationToken);
        await steps.ClaimAsync(step, RequestProgress.None, cancellationToken);
        await store.PurgeAsync(step.RequestId, time.GetUtcNow(), cancellationToken);
        await steps.RecordAsync(step, null, cancellationToken);
        return Unit.Value;
    }
}
