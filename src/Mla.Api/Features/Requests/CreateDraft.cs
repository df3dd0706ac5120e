namespace Mla.Api.Features.Requests;

/// <summary>A new draft of the caller's State, to the requested State it names: the body is the request's content.</summary>
public sealed record CreateDraftCommand : NewRequestCommand, ICommand<RequestDto>;

public sealed class CreateDraftValidator : AbstractValidator<CreateDraftCommand>
{
    public CreateDraftValidator(DraftContentValidator draft) => Include(draft);
}

public sealed class CreateDraftHandler(RequestSteps steps, RequestStore store, RequestAccess access, RequestReader reader, ICurrentUser currentUser, TimeProvider time)
    : ICommandHandler<CreateDraftCommand, RequestDto>
{
    public async ValueTask<RequestDto> Handle(CreateDraftCommand command, CancellationToken cancellationToken)
    {
        var step = await steps.BeginCreationAsync(RequestAction.CreateDraft, RequestStatus.Draft, null, null, cancellationToken);
        var state = currentUser.State!;
        await access.EnsureSupplementableAsync(command.Supplements, null, state, command.RequestedState, cancellationToken);

        await store.InsertAsync(step.RequestId, command, state, RequestStatus.Draft, RequestOrigin.Drafted, currentUser.Id, time.GetUtcNow(), cancellationToken);
        await steps.RecordAsync(step, null, cancellationToken);
        return await reader.ReadAsync(step.RequestId, cancellationToken);
    }
}
