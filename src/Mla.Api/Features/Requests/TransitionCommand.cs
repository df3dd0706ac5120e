using System.Text.Json.Serialization;
using Mla.Api.Infrastructure.Behaviours;

namespace Mla.Api.Features.Requests;

/// <summary>
/// What every lifecycle command carries: the request (route), the version the client last saw
/// (If-Match), an optional Idempotency-Key, and in its body the date the step happened in the world
/// and an optional note.
/// </summary>
public abstract record TransitionCommand : IIdempotentCommand
{
    [JsonIgnore]
    public Guid RequestId { get; init; }

    [JsonIgnore]
    public int? ExpectedVersion { get; init; }

    [JsonIgnore]
    public string? IdempotencyKey { get; init; }

    /// <summary>When the step happened in the world: not in the future, not before the previous event.</summary>
    public DateOnly? OccurredOn { get; init; }

    public string? Note { get; init; }

    /// <summary>True for steps dated today when the body gives no date (a note); others must give one.</summary>
    [JsonIgnore]
    public virtual bool OccurredOnDefaultsToToday => false;

    string IIdempotentCommand.IdempotencyScope => RequestId.ToString("D");

    /// <summary>This command, addressed to a request, with the headers of the HTTP request that carried it.</summary>
    public TCommand For<TCommand>(Guid requestId, int? expectedVersion, string? idempotencyKey)
        where TCommand : TransitionCommand, ICommand<RequestDto> =>
        (TCommand)this with { RequestId = requestId, ExpectedVersion = expectedVersion, IdempotencyKey = idempotencyKey };
}

/// <summary>
/// The rules every transition body shares. Registered for every <see cref="TransitionCommand"/> by
/// <see cref="FeatureServiceCollectionExtensions.AddMlaFeatures"/> (an open generic validator constrained to
/// transitions), so a command's own validator holds only its own rules, and a command with none needs
/// no validator.
/// </summary>
public sealed class TransitionCommandValidator<TCommand> : AbstractValidator<TCommand>
    where TCommand : TransitionCommand
{
    public TransitionCommandValidator()
    {
        RuleFor(c => c.OccurredOn).NotNull().WithMessage("Give the date this happened (yyyy-MM-dd).")
            .When(c => !c.OccurredOnDefaultsToToday);
        RuleFor(c => c.OccurredOn).MustBeOnOrAfter(ValidationRules.EarliestEventDate);
        RuleFor(c => c.Note).MaximumLength(RequestValidation.NoteLength);
    }
}
