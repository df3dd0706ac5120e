namespace Mla.Api.Features.Requests;

/// <summary>
/// Records a request the caller's State received outside Mla (by post, diplomatic bag, from a State
/// outside the networks...): it starts at Received, the caller's State being the requested one. The
/// body is the request's content and how it arrived. It is numbered in the caller's State's incoming
/// register (<c>SEN/IN/MLA/2026/0001</c>), never with the requesting State's numbers, and keeps the
/// requesting State's own reference as written. The requesting State, when it uses Mla, sees it as
/// registered by the requested State and does not act on it (see <see cref="RequestOrigin.Registered"/>).
/// </summary>
public sealed record RegisterIncomingRequestCommand : NewRequestCommand, ICommand<RequestDto>
{
    /// <summary>ISO3 of the State that sent the request: any State, in the reference data or not.</summary>
    public string? RequestingState { get; init; }

    /// <summary>The date the request was received.</summary>
    public DateOnly? OccurredOn { get; init; }

    /// <summary>The date the requesting State sent it, when known.</summary>
    public DateOnly? TransmittedOn { get; init; }

    /// <summary>How it came.</summary>
    public TransmissionChannel? Channel { get; init; }

    /// <summary>The requesting State's own reference, as written on the request; kept as typed, beside the number Mla gives.</summary>
    public string? RequestingStateReference { get; init; }

    /// <summary>The caller's own reference for it.</summary>
    public string? RequestedSideReference { get; init; }

    public string? Note { get; init; }
}

public sealed class RegisterIncomingRequestValidator : AbstractValidator<RegisterIncomingRequestCommand>
{
    public RegisterIncomingRequestValidator(RequestContentValidator content, ICurrentUser currentUser)
    {
        Include(content);
        RuleFor(c => c.RequestingState).NotEmpty().MustBeCountryCode()
            .Must(state => !string.Equals(state, currentUser.State, StringComparison.Ordinal))
            .WithMessage("The requesting State must be another State than yours.");
        RuleFor(c => c.RequestedState).Must(state => state is null || string.Equals(state, currentUser.State, StringComparison.Ordinal))
            .WithMessage("A request you register as received is addressed to your State: leave requestedState out or give your State.");
        RuleFor(c => c.OccurredOn).NotNull().WithMessage("Give the date the request was received (yyyy-MM-dd).")
            .MustBeOnOrAfter(ValidationRules.EarliestEventDate);
        RuleFor(c => c.TransmittedOn).Must((c, sent) => sent is null || c.OccurredOn is null || sent <= c.OccurredOn)
            .WithMessage("A request cannot have been sent after it was received.");
        RuleFor(c => c.Channel).IsInEnum();
        RuleFor(c => c.RequestingStateReference).MaximumLength(200).MustBeSingleLineText();
        RuleFor(c => c.TransmittedOn).MustBeOnOrAfter(ValidationRules.EarliestEventDate);
        RuleFor(c => c.RequestedSideReference).MaximumLength(200).MustBeSingleLineText();
        RuleFor(c => c.Note).MaximumLength(RequestValidation.NoteLength);
    }
}

public sealed class RegisterIncomingRequestHandler(RequestSteps steps, RequestStore store, ReferenceNumbers numbers, RequestAccess access, RequestReader reader, ICurrentUser currentUser)
    : ICommandHandler<RegisterIncomingRequestCommand, RequestDto>
{
    public async ValueTask<RequestDto> Handle(RegisterIncomingRequestCommand command, CancellationToken cancellationToken)
    {
        var step = await steps.BeginCreationAsync(RequestAction.RegisterIncoming, RequestStatus.Received, command.OccurredOn, command.Note, cancellationToken);
        var state = currentUser.State!;
        var requestingState = command.RequestingState!;
        await access.EnsureSupplementableAsync(command.Supplements, null, requestingState, state, cancellationToken);
        var content = command with { RequestedState = state };

        await steps.InsertAsync(step, content, requestingState, RequestOrigin.Registered, cancellationToken);
        // The registering State's own incoming register, in the year it received the request.
        var number = await numbers.NextAsync(state, ReferenceRegister.Incoming, content.Kind, step.OccurredOn.Year, cancellationToken);
        await store.SetProgressAsync(step.RequestId, new RequestProgress
        {
            ReferenceNumber = number.ToString(),
            RequestingStateReference = command.RequestingStateReference,
            TransmissionChannel = command.Channel,
            TransmittedOn = command.TransmittedOn,
            ReceivedOn = step.OccurredOn,
            RequestedSideReference = command.RequestedSideReference,
        }, cancellationToken);
        await steps.RecordAsync(step, new
        {
            referenceNumber = number.ToString(),
            channel = command.Channel,
            command.RequestingStateReference,
            command.RequestedSideReference,
        }, cancellationToken);
        return await reader.ReadAsync(step.RequestId, cancellationToken);
    }
}
