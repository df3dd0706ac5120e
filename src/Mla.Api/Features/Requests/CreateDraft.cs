namespace Mla.Api.Features.Requests;

/// <summary>A new draft of the caller's State, to the requested State it names: the body is the request's content.</summary>
public sealed record CreateDraftCommand : NewRequestCommand, ICommand<RequestDto>;

public sealed class CreateDraftValidator : AbstractValidator<CreateDraftCommand>
{
    public CreateDraftValidator(DraftContentValidator draft) => Include(draft);
}

public sealed class CreateDraftHandler(RequestSteps steps, RequestAccess access, RequestReader reader, ICurrentUser currentUser)
    : ICommandHandler<CreateDraftCommand, RequestDto>
{
    public async ValueTask<RequestDto> Handle(CreateDraftCommand command, CancellationToken cancellationToken)
    {
        var step = await steps.BeginCreationAsync(RequestAction.CreateDraft, RequestStatus.Draft, null, null, cancellationToken);
        var state = currentUser.State!;
        await access.EnsureSupplementableAsync(command.Supplements, null, state, command.RequestedState, cancellationToken);

        await steps.InsertAsync(step, command, state, RequestOrigin.Drafted, cancellationToken);
        await steps.RecordAsync(step, null, cancellationToken);
        return await reader.ReadAsync(step.RequestId, cancellationToken);
    }
}
