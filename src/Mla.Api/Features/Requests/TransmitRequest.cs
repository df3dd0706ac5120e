namespace Mla.Api.Features.Requests;

/// <summary>Sends a complete draft: Draft to Transmitted. The request gets its reference number and its frozen document now.</summary>
public sealed record TransmitRequestCommand : TransitionCommand, ICommand<RequestDto>
{
    public TransmissionChannel? Channel { get; init; }

    /// <summary>The language the request is sent in: one the requested State accepts, unless a translation is attached.</summary>
    public string? Language { get; init; }
}

public sealed class TransmitRequestValidator : AbstractValidator<TransmitRequestCommand>
{
    public TransmitRequestValidator()
    {
        RuleFor(c => c.Channel).NotNull().IsInEnum();
        RuleFor(c => c.Language).NotEmpty().MustBeLanguageCode();
    }
}

public sealed class TransmitRequestHandler(
    RequestSteps steps,
    RequestStore store,
    ReferenceCodes codes,
    ReferenceNumbers numbers,
    ITransmittedDocuments documents,
    RequestReader reader) : ICommandHandler<TransmitRequestCommand, RequestDto>
{
    public async ValueTask<RequestDto> Handle(TransmitRequestCommand command, CancellationToken cancellationToken)
    {
        var step = await steps.BeginAsync(command, RequestAction.Transmit, cancellationToken);
        var request = step.Request!;
        var content = request.Content with { Language = command.Language };
        var accepted = await codes.LanguagesAcceptedByAsync(content.RequestedState!, cancellationToken);
        var missing = RequestCompleteness.Check(content, accepted, await store.HasTranslationAsync(request.Id, cancellationToken),
            await store.HasAnnexOfTypeAsync(request.Id, AnnexType.LegalProvisions, cancellationToken));
        if (missing.Count > 0)
        {
            throw new UnprocessableException(
                "The request is not complete enough to be transmitted: see missing.",
                new Dictionary<string, object?> { ["missing"] = missing });
        }

        // Rendered before the write transaction, so no database lock (SQLite's is the whole database) is
        // held through a rendering. Two mechanisms keep the number printed the number taken:
        // - in this process, PeekAsync gives this transmission its State's counter turn, held until commit:
        //   transmissions of one State peek, render and take one after the other, so the peeked number is
        //   the one taken and each document is rendered once;
        // - another instance sharing the database takes its numbers without knowing our turns, so the
        //   number may still be gone at TryTakeAsync: then the next one is taken and the document rendered
        //   again, holding the counter. Rare, and what keeps numbers unique and gap-free across instances.
        var number = await numbers.PeekAsync(request.Row.RequestingState, ReferenceRegister.Outgoing, request.Kind, step.OccurredOn.Year, cancellationToken);
        var document = await documents.RenderAsync(request, content, step.OccurredOn, number, cancellationToken);

        await steps.ClaimAsync(step, new RequestProgress
        {
            TransmissionChannel = command.Channel,
            TransmittedOn = step.OccurredOn,
            Language = command.Language,
        }, cancellationToken);
        // The State's counter is taken last, just before commit: every transmission of the State queues on it.
        if (!await numbers.TryTakeAsync(number, cancellationToken))
        {
            // Another instance took that number meanwhile: take the next, and render again holding the counter.
            number = await numbers.NextAsync(request.Row.RequestingState, ReferenceRegister.Outgoing, request.Kind, step.OccurredOn.Year, cancellationToken);
            document = await documents.RenderAsync(request, content, step.OccurredOn, number, cancellationToken);
        }

        await store.SetProgressAsync(request.Id, new RequestProgress { ReferenceNumber = number.ToString() }, cancellationToken);
        // The document is frozen in the same transaction: transmitted with exactly these bytes, or not at all.
        await documents.FreezeAsync(request.Id, document, step.VersionAfter, cancellationToken);
        await steps.RecordAsync(step, new
        {
            referenceNumber = number.ToString(),
            channel = command.Channel,
            language = command.Language,
            document = new { sha256 = document.Sha256 },
        }, cancellationToken);
        return await reader.ReadAsync(request.Id, cancellationToken);
    }
}
