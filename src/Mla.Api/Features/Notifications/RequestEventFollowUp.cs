using Mla.Domain.Timeline;

namespace Mla.Api.Features.Notifications;

/// <summary>The request an event belongs to, as notices and updates need it: its reference, kind and the two States party to it.</summary>
public sealed record EventRequest
{
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
    private const string RequestSql = $"""
        SELECT id AS {nameof(EventRequest.Id)}, reference_number AS {nameof(EventRequest.ReferenceNumber)}, kind AS {nameof(EventRequest.Kind)},
               requesting_state AS {nameof(EventRequest.RequestingState)}, requested_state AS {nameof(EventRequest.RequestedState)}
        FROM requests
        WHERE id = @id
        """;

    public async Task EventRecordedAsync(TimelineEvent recorded, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        var request = await session.QuerySingleOrDefaultAsync<EventRequest>(RequestSql, new { id = recorded.RequestId }, cancellationToken)
            ?? throw new InvalidOperationException("The event's request is gone from its own transaction.");
        await feed.AddAsync(recorded, request, cancellationToken);
        await outbox.EnqueueAsync(recorded, request, cancellationToken);
    }
}
