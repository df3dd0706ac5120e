namespace Mla.Api.Features.Requests;

/// <summary>
/// What the lifecycle steps record on a request beside its status: how and when it was transmitted, its receipt,
/// its execution, the extradition's course. One shape for the three places that hold these values: the stored row
/// (<see cref="RequestRow"/>), what a step sets (<see cref="RequestProgress"/>, null where it sets nothing) and the
/// request as answered (<see cref="RequestDto"/>), so a new value a step records is declared once.
/// </summary>
public abstract record RequestStepValues
{
    public TransmissionChannel? TransmissionChannel { get; init; }

    public DateOnly? TransmittedOn { get; init; }

    public DateOnly? ReceivedOn { get; init; }

    /// <summary>The requested State's own reference, given at receipt.</summary>
    public string? RequestedSideReference { get; init; }

    public string? ExecutingAuthority { get; init; }

    public ExtraditionDecision? ExtraditionDecision { get; init; }

    public DateOnly? ProvisionalArrestOn { get; init; }

    public DateOnly? SurrenderedOn { get; init; }
}
