using System.Diagnostics.CodeAnalysis;
using System.Text.Json.Serialization;

namespace Mla.Api.Features.Requests;

/// <summary>Replaces the whole content of a draft (PUT semantics: what is not sent is cleared).</summary>
public sealed record UpdateDraftCommand : RequestContent, ICommand<RequestDto>
{
    public UpdateDraftCommand()
    {
    }

    /// <summary>
    /// The whole of <paramref name="content"/> as the draft's new content (the drafting pages change one step's
    /// fields of the content they read): nothing is left out, so nothing is cleared that the page does not show.
    /// </summary>
    [SetsRequiredMembers]
    public UpdateDraftCommand(RequestContent content)
        : base(content)
    {
    }

    [JsonIgnore]
    public Guid RequestId { get; init; }

    [JsonIgnore]
    public int? ExpectedVersion { get; init; }
}

public sealed class UpdateDraftValidator : AbstractValidator<UpdateDraftCommand>
{
    public UpdateDraftValidator(DraftContentValidator draft) => Include(draft);
}

public sealed class UpdateDraftHandler(RequestSteps steps, RequestStore store, RequestAccess access, RequestReader reader)
    : ICommandHandler<UpdateDraftCommand, RequestDto>
{
    public async ValueTask<RequestDto> Handle(UpdateDraftCommand command, CancellationToken cancellationToken)
    {
        var step = await steps.BeginAsync(command.RequestId, command.ExpectedVersion, RequestAction.UpdateDraft, cancellationToken);
        await access.EnsureSupplementableAsync(command.Supplements, step.RequestId, step.Request!.Row.RequestingState, command.RequestedState, cancellationToken);

        await steps.ClaimAsync(step, RequestProgress.None, cancellationToken);
        await store.ReplaceContentAsync(step.RequestId, command, cancellationToken);
        await steps.RecordAsync(step, null, cancellationToken);
        return await reader.ReadAsync(step.RequestId, cancellationToken);
    }
}
