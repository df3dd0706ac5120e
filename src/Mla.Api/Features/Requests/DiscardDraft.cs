using Mediator;
using Mla.Domain.Lifecycle;

namespace Mla.Api.Features.Requests;

/// <summary>
/// Discards a draft, the only thing that can be deleted. The timeline is append-only, so the request's
/// row stays, emptied of everything written in it (persons first of all), with a discard event; from
/// then on the request answers 404.
/// </summary>
public sealed record DiscardDraftCommand(Guid RequestId, int? ExpectedVersion) : ICommand<Unit>;

public sealed class DiscardDraftHandler(TransitionRunner runner, RequestStore store, TimeProvider time)
    : ICommandHandler<DiscardDraftCommand, Unit>
{
    public async ValueTask<Unit> Handle(DiscardDraftCommand command, CancellationToken cancellationToken)
    {
        await runner.RunAsync(
            new Transition(command.RequestId, command.ExpectedVersion, RequestAction.DiscardDraft, RequestValidation.Today(time), null,
                Apply: async (request, _, ct) =>
                {
                    await store.PurgeAsync(request.Id, time.GetUtcNow(), ct);
                    return null;
                }),
            cancellationToken);
        return Unit.Value;
    }
}
