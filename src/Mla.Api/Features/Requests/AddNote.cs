namespace Mla.Api.Features.Requests;

/// <summary>
/// A follow-up note on the timeline, by anyone following the case on either side (never secretariat or
/// admin). The status does not change. <c>occurredOn</c> defaults to today.
/// </summary>
public sealed record AddNoteCommand : TransitionCommand, ICommand<RequestDto>
{
    public override bool OccurredOnDefaultsToToday => true;
}

public sealed class AddNoteValidator : AbstractValidator<AddNoteCommand>
{
    public AddNoteValidator() =>
        RuleFor(c => c.Note).NotEmpty().WithMessage("Write the note.");
}

public sealed class AddNoteHandler(RequestSteps steps) : ICommandHandler<AddNoteCommand, RequestDto>
{
    public async ValueTask<RequestDto> Handle(AddNoteCommand command, CancellationToken cancellationToken)
    {
        // A note is dated today unless the user says when it happened.
        var step = await steps.BeginAsync(command, RequestAction.AddNote, cancellationToken);
        return await steps.CompleteAsync(step, RequestProgress.None, null, cancellationToken);
    }
}
