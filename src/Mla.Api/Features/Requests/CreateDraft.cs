using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Mla.Api.Infrastructure.Auth;
using Mla.Api.Infrastructure.Behaviours;
using Mla.Api.Infrastructure.Errors;
using Mla.Domain.Access;
using Mla.Domain.Requests;

namespace Mla.Api.Features.Requests;

/// <summary>A new draft of the caller's State, to the requested State it names.</summary>
public sealed record CreateDraftCommand : RequestContentInput, ICommand<RequestDto>, IIdempotentCommand
{
    [JsonIgnore]
    public string? IdempotencyKey { get; init; }

    string IIdempotentCommand.IdempotencyScope => "";
}

public sealed class CreateDraftValidator : AbstractValidator<CreateDraftCommand>
{
    public CreateDraftValidator(ReferenceCodes codes, TimeProvider time, ICurrentUser currentUser)
    {
        // A rule stops at its first failure: a null list is reported, never read.
        RuleLevelCascadeMode = CascadeMode.Stop;
        Include(new RequestContentInputValidator(codes, time));
        RuleFor(c => c.RequestedState).NotEmpty()
            .Must(state => !string.Equals(state, currentUser.State, StringComparison.Ordinal))
            .WithMessage("The requested State must be another State than yours.");
    }
}

public sealed class CreateDraftHandler(
    RequestStore store,
    RequestTimeline timeline,
    TransitionRunner runner,
    RequestAccess access,
    RequestReader reader,
    ICurrentUser currentUser,
    TimeProvider time) : ICommandHandler<CreateDraftCommand, RequestDto>
{
    public const string ActionCode = "create-draft";

    public async ValueTask<RequestDto> Handle(CreateDraftCommand command, CancellationToken cancellationToken)
    {
        if (currentUser.Role != Role.CentralAuthority || currentUser.State is not { } state)
        {
            throw new ForbiddenException("Only a central authority drafts requests.");
        }

        var content = command.ToContent(command.RequestedState!);
        await access.EnsureSupplementableAsync(content.Supplements, null, cancellationToken);
        var id = Guid.CreateVersion7();
        var today = RequestValidation.Today(time);
        runner.CheckDate(today, null);
        await store.InsertAsync(id, content, state, RequestStatus.Draft, currentUser.Id, time.GetUtcNow(), cancellationToken);
        await timeline.AppendAsync(id, null, ActionCode, null, RequestStatus.Draft, today, null, null, cancellationToken);
        return await reader.ReadAsync(id, cancellationToken);
    }
}
