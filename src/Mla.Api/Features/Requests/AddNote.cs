using FluentValidation;
using Mediator;
using Mla.Domain.Lifecycle;

namespace Mla.Api.Features.Requests;

/// <summary>
/// A follow-up note on the timeline, by anyone following the case on either side (never secretariat or
/// admin). The status does not change. <c>occurredOn</c> defaults to today.
/// </summary>
public sealed record AddNoteCommand : TransitionCommand, ICommand<RequestDto>;

public sealed class AddNoteValidator : AbstractValidator<AddNoteCommand>
{
    public AddNoteValidator() =>
        RuleFor(c => c.Note).NotEmpty().WithMessage("Write the note.").MaximumLength(RequestValidation.NoteLength);
}

public sealed class AddNoteHandler(TransitionRunner runner, RequestReader reader, TimeProvider time)
    : ICommandHandler<AddNoteCommand, RequestDto>
{
    public async ValueTask<RequestDto> Handle(AddNoteCommand command, CancellationToken cancellationToken)
    {
        await runner.RunAsync(
            (command with { OccurredOn = command.OccurredOn ?? RequestValidation.Today(time) }).ToTransition(RequestAction.AddNote),
            cancellationToken);
        return await reader.ReadAsync(command.RequestId, cancellationToken);
    }
}
