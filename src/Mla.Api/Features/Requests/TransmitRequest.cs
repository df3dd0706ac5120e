using FluentValidation;
using Mediator;
using Mla.Api.Features.Documents;
using Mla.Api.Infrastructure.Auth;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Infrastructure.Errors;
using Mla.Domain;
using Mla.Domain.Lifecycle;
using Mla.Domain.Requests;

namespace Mla.Api.Features.Requests;

/// <summary>Sends a complete draft: Draft to Transmitted. The request gets its reference number now.</summary>
public sealed record TransmitRequestCommand : TransitionCommand, ICommand<RequestDto>
{
    /// <summary><c>central-authority</c>, <c>diplomatic</c>, <c>interpol</c>, <c>focal-point</c>, <c>direct-judicial</c> or <c>electronic</c>.</summary>
    public string? Channel { get; init; }

    /// <summary>The language the request is sent in: one the requested State accepts, unless a translation is attached.</summary>
    public string? Language { get; init; }
}

public sealed class TransmitRequestValidator : AbstractValidator<TransmitRequestCommand>
{
    public TransmitRequestValidator()
    {
        // A rule stops at its first failure: a null list is reported, never read.
        RuleLevelCascadeMode = CascadeMode.Stop;
        Include(new TransitionCommandValidator());
        RuleFor(c => c.Channel).NotEmpty().Must(code => KebabCode.TryParse<TransmissionChannel>(code, out _))
            .WithMessage($"Must be one of: {string.Join(", ", KebabCode.AllCodes<TransmissionChannel>())}.");
        RuleFor(c => c.Language).NotEmpty().Matches("^[a-z]{2,3}$").WithMessage("Use a two- or three-letter lower-case language code, e.g. fr.");
    }
}

public sealed class TransmitRequestHandler(
    TransitionRunner runner,
    IDbSession session,
    RequestStore store,
    ReferenceCodes codes,
    ReferenceNumbers numbers,
    RequestReader reader,
    RequestDocuments documents,
    ICurrentUser currentUser) : ICommandHandler<TransmitRequestCommand, RequestDto>
{
    private const string TransmissionSql = """
        UPDATE requests SET transmission_channel = @channel, transmitted_on = @transmittedOn, language_code = @language
        WHERE id = @id
        """;

    public async ValueTask<RequestDto> Handle(TransmitRequestCommand command, CancellationToken cancellationToken)
    {
        await runner.RunAsync(command.ToTransition(RequestAction.Transmit, async (request, _, ct) =>
        {
            var content = await store.LoadContentAsync(request.Row, ct) with { Language = command.Language };
            var accepted = await codes.LanguagesAcceptedByAsync(content.RequestedState, ct);
            var missing = RequestCompleteness.Check(content, accepted, await store.HasTranslationAsync(request.Id, ct));
            if (missing.Count > 0)
            {
                throw new UnprocessableException(
                    "The request is not complete enough to be transmitted: see missing.",
                    new Dictionary<string, object?> { ["missing"] = missing });
            }

            await session.ExecuteAsync(TransmissionSql, new { id = request.Id, channel = command.Channel, transmittedOn = command.OccurredOn, language = command.Language }, ct);
            var number = await numbers.AssignAsync(request.Id, request.Row.RequestingState, request.Kind, command.OccurredOn!.Value.Year, ct);
            // The document is frozen in the same transaction: transmitted with exactly these bytes, or not at all.
            await documents.FreezeAsync(request.Id, command.Language!, command.OccurredOn.Value, currentUser.Id, request.Row.Version + 1, ct);
            return new { referenceNumber = number.ToString(), channel = command.Channel, language = command.Language };
        }), cancellationToken);
        return await reader.ReadAsync(command.RequestId, cancellationToken);
    }
}
