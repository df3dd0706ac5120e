using Mla.Domain.Access;
using Mla.Domain.Timeline;

namespace Mla.Api.Infrastructure.Synthetic;

/// <summary>
/// One synthetic request as the service would have left it after its steps: its row, its content, the
/// outcomes and refusal grounds its steps recorded, and its timeline sealed by the chain (each event with
/// the digest of the record after it). Planned first (<see cref="SyntheticRequestFactory.Plan"/>), then
/// numbered, then sealed (<see cref="SyntheticRequestFactory.Seal"/>).
/// </summary>
public sealed class SyntheticRequest
{
    public required Guid Id { get; init; }

    public required RequestKind Kind { get; init; }

    public required RequestOrigin Origin { get; init; }

    public required string RequestingState { get; init; }

    public required string RequestedState { get; init; }

    /// <summary>The requesting State's central authority, when that State is in the reference data.</summary>
    public Guid? RequestingAuthorityId { get; init; }

    public required RequestContent Content { get; init; }

    public required IReadOnlyList<SyntheticStep> Steps { get; init; }

    /// <summary>Set between planning and sealing, in the order requests are written: the counters' next number.</summary>
    public ReferenceNumber? ReferenceNumber { get; set; }

    /// <summary>The row as the last step left it, with its head (set by sealing).</summary>
    public RequestRow? Row { get; set; }

    /// <summary>The outcome of each assistance item, once execution was recorded (same length as the items).</summary>
    public IReadOnlyList<ItemOutcome>? Outcomes { get; set; }

    /// <summary>Refusal grounds as stored: which list they come from (<c>mla</c>, <c>extradition</c>) and their codes.</summary>
    public (string AppliesTo, IReadOnlyList<string> Codes)? RefusalGrounds { get; set; }

    public IReadOnlyList<ChainedEvent> Events { get; set; } = [];

    /// <summary>The register that numbers the request, if any step gives it a number.</summary>
    public ReferenceRegister? NumberedIn => Steps.Any(s => s.Action == RequestAction.Transmit)
        ? ReferenceRegister.Outgoing
        : Origin == RequestOrigin.Registered ? ReferenceRegister.Incoming : null;

    /// <summary>The State, kind and year of the counter that numbers the request.</summary>
    public (string State, ReferenceRegister Register, RequestKind Kind, int Year)? Counter => NumberedIn switch
    {
        ReferenceRegister.Outgoing => (RequestingState, ReferenceRegister.Outgoing, Kind, Steps.First(s => s.Action == RequestAction.Transmit).OccurredOn.Year),
        ReferenceRegister.Incoming => (RequestedState, ReferenceRegister.Incoming, Kind, Steps[0].OccurredOn.Year),
        _ => null,
    };
}

/// <summary>One lifecycle step of a synthetic request: who did what, when, and what it recorded.</summary>
public sealed record SyntheticStep(
    RequestAction Action,
    RequestStatus? From,
    RequestStatus To,
    SyntheticActor Actor,
    DateOnly OccurredOn,
    DateTimeOffset RecordedAt,
    string? Note)
{
    /// <summary>What the step's handler records on the request row (its <see cref="RequestProgress"/>), beside the reference number.</summary>
    public RequestProgress Progress { get; init; } = RequestProgress.None;

    /// <summary>The step's payload, as the handler gives it (the reference number is added when sealing).</summary>
    public object? Payload { get; init; }

    public IReadOnlyList<ItemOutcome>? Outcomes { get; init; }

    public (string AppliesTo, IReadOnlyList<string> Codes)? RefusalGrounds { get; init; }
}

/// <summary>A synthetic user acting on requests: one per State and role, created by the seeder.</summary>
public sealed record SyntheticActor(Guid Id, Role Role, string State);
