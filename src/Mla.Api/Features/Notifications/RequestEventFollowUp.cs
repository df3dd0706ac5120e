using Mla.Domain.Timeline;

namespace Mla.Api.Features.Notifications;

/// <summary>
/// The request an event belongs to, as notices and updates need it: its reference, kind and the two States
/// party to it, read from the request aliased <c>r</c> by <see cref="Columns"/>.
/// </summary>
public record EventRequest
{
    public const string Columns = $"""
        r.id AS {nameof(Id)}, r.reference_number AS {nameof(ReferenceNumber)}, r.kind AS {nameof(Kind)},
        r.requesting_state AS {nameof(RequestingState)}, r.requested_state AS {nameof(RequestedState)}
        """;

    public Guid Id { get; init; }

    public string? ReferenceNumber { get; init; }

    public required string Kind { get; init; }

    public required string RequestingState { get; init; }

    public required string RequestedState { get; init; }
}

/// <summary>
/// What follows an event, in its transaction (<see cref="IRequestEventListener"/>): the event joins the
/// updates of both States party to the request, and the notices it calls for go to the outbox.
/// </summary>
public sealed class RequestEventFollowUp(IDbSession session, UpdateFeed feed, NoticeOutbox outbox) : IRequestEventListener
{
    private const string RequestSql = $"SELECT {EventRequest.Columns} FROM requests r WHERE r.id = @id";

    public async Task EventRecordedAsync(TimelineEvent recorded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var request = await session.QuerySingleOrDefaultAsync<EventRequest>(RequestSql, new { id = recorded.RequestId }, cancellationToken)
            ?? throw new InvalidOperationException("The event's request is gone from its own transaction.");
        await feed.AddAsync(recorded, request, cancellationToken);
        await outbox.EnqueueAsync(recorded, request, cancellationToken);
    }
}
