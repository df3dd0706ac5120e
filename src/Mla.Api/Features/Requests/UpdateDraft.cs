using System.Text.Json.Serialization;
using FluentValidation;
using Mediator;
using Mla.Api.Infrastructure.Auth;
using Mla.Domain.Lifecycle;

namespace Mla.Api.Features.Requests;

/// <summary>Replaces the whole content of a draft (PUT semantics: what is not sent is cleared).</summary>
public sealed record UpdateDraftCommand : RequestContentInput, ICommand<RequestDto>
{
    [JsonIgnore]
    public Guid RequestId { get; init; }

    [JsonIgnore]
    public int? ExpectedVersion { get; init; }
}

public sealed class UpdateDraftValidator : AbstractValidator<UpdateDraftCommand>
{
    public UpdateDraftValidator(ReferenceCodes codes, TimeProvider time, ICurrentUser currentUser)
    {
        // A rule stops at its first failure: a null list is reported, never read.
        RuleLevelCascadeMode = CascadeMode.Stop;
        Include(new RequestContentInputValidator(codes, time));
        // Only the requesting State's central authority may update a draft, so its State is the requesting one.
        RuleFor(c => c.RequestedState).NotEmpty()
            .Must(state => !string.Equals(state, currentUser.State, StringComparison.Ordinal))
            .WithMessage("The requested State must be another State than yours.");
    }
}

public sealed class UpdateDraftHandler(TransitionRunner runner, RequestStore store, RequestAccess access, RequestReader reader, TimeProvider time)
    : ICommandHandler<UpdateDraftCommand, RequestDto>
{
    public async ValueTask<RequestDto> Handle(UpdateDraftCommand command, CancellationToken cancellationToken)
    {
        await runner.RunAsync(
            new Transition(command.RequestId, command.ExpectedVersion, RequestAction.UpdateDraft, RequestValidation.Today(time), null,
                Apply: async (request, _, ct) =>
                {
                    var content = command.ToContent(command.RequestedState!);
                    await access.EnsureSupplementableAsync(content.Supplements, request.Id, ct);
                    await store.ReplaceContentAsync(request.Id, content, ct);
                    return null;
                }),
            cancellationToken);
        return await reader.ReadAsync(command.RequestId, cancellationToken);
    }
}
