using Mediator;
using Mla.Domain.Lifecycle;
using Mla.Domain.Requests;

namespace Mla.Api.Features.Requests;

public sealed record GetRequestQuery(Guid RequestId) : IQuery<RequestDto>;

/// <summary>Which way a request goes for the caller's State.</summary>
public enum RequestDirection
{
    Outgoing,
    Incoming,
}

/// <summary>
/// Everything about a request, for a user of one of its two States: what it says (<see cref="Content"/>,
/// the same shape a draft is written in), beside where it stands in its lifecycle.
/// </summary>
public sealed record RequestDto
{
    public Guid Id { get; init; }

    /// <summary><c>{ISO3}/{MLA|EXT|PA}/{YYYY}/{NNNN}</c>; null while the request is a draft.</summary>
    public string? ReferenceNumber { get; init; }

    public RequestStatus Status { get; init; }

    /// <summary>Also the ETag: send it back in If-Match.</summary>
    public int Version { get; init; }

    /// <summary>What the caller may do now, so a client knows which buttons to show.</summary>
    public IReadOnlyList<RequestAction> AllowedActions { get; init; } = [];

    public required string RequestingState { get; init; }

    public RequestDirection Direction { get; init; }

    /// <summary>What the requesting central authority wrote: kind, requested State, legal bases, facts, persons...</summary>
    public required RequestContent Content { get; init; }

    public TransmissionChannel? TransmissionChannel { get; init; }

    public DateOnly? TransmittedOn { get; init; }

    public DateOnly? ReceivedOn { get; init; }

    /// <summary>The requested State's own reference, given at receipt.</summary>
    public string? RequestedSideReference { get; init; }

    public string? ExecutingAuthority { get; init; }

    public ExtraditionDecision? ExtraditionDecision { get; init; }

    public DateOnly? ProvisionalArrestOn { get; init; }

    public DateOnly? SurrenderedOn { get; init; }

    /// <summary>When the request reached a final status.</summary>
    public DateOnly? ClosedOn { get; init; }

    public IReadOnlyList<string> RefusalGrounds { get; init; } = [];

    /// <summary>Once execution is recorded: the outcome of each assistance item (<see cref="AssistanceOutcomeDto.Item"/> indexes <c>content.assistance</c>).</summary>
    public IReadOnlyList<AssistanceOutcomeDto> ExecutionOutcomes { get; init; } = [];

    public DateTimeOffset CreatedAt { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>The outcome of the assistance item at index <paramref name="Item"/> of the request's content.</summary>
public sealed record AssistanceOutcomeDto(int Item, ExecutionOutcome Outcome, string? Note);

public sealed class GetRequestHandler(RequestReader reader) : IQueryHandler<GetRequestQuery, RequestDto>
{
    public async ValueTask<RequestDto> Handle(GetRequestQuery query, CancellationToken cancellationToken) =>
        await reader.ReadAsync(query.RequestId, cancellationToken);
}
