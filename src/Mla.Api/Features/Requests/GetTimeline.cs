using System.Text.Json;
using Mediator;

namespace Mla.Api.Features.Requests;

public sealed record GetTimelineQuery(Guid RequestId) : IQuery<IReadOnlyList<TimelineEventDto>>;

/// <summary>
/// One event of a request's timeline. <see cref="Verified"/> is false from the first event whose hash
/// does not match what is stored (or that the request does not end with) onwards: someone changed the
/// database by hand.
/// </summary>
public sealed record TimelineEventDto
{
    public int SequenceNumber { get; init; }

    /// <summary>Action code: <c>create-draft</c>, <c>transmit</c>, <c>add-note</c>...</summary>
    public required string Action { get; init; }

    public string? FromStatus { get; init; }

    public required string ToStatus { get; init; }

    public required TimelineActorDto Actor { get; init; }

    /// <summary>When it happened in the world, as the user said.</summary>
    public DateOnly OccurredOn { get; init; }

    /// <summary>When Mla recorded it (UTC).</summary>
    public DateTimeOffset RecordedAt { get; init; }

    public string? Note { get; init; }

    /// <summary>What the step recorded (channel, reference, grounds, outcomes...), as a JSON object.</summary>
    public JsonElement? Details { get; init; }

    public bool Verified { get; init; }
}

public sealed record TimelineActorDto(Guid UserId, string? Name, string Role, string? State);

public sealed class GetTimelineHandler(RequestAccess access, RequestTimeline timeline)
    : IQueryHandler<GetTimelineQuery, IReadOnlyList<TimelineEventDto>>
{
    public async ValueTask<IReadOnlyList<TimelineEventDto>> Handle(GetTimelineQuery query, CancellationToken cancellationToken)
    {
        var request = await access.GetAsync(query.RequestId, cancellationToken);
        var events = await timeline.AllAsync(request.Id, cancellationToken);
        var firstBroken = TimelineVerifier.FirstBroken(events, request.Row.Version, request.Row.LastEventHash)?.Sequence ?? int.MaxValue;
        return [.. events.Select(e => new TimelineEventDto
        {
            SequenceNumber = e.SequenceNumber,
            Action = e.ActionCode,
            FromStatus = e.FromStatus,
            ToStatus = e.ToStatus,
            Actor = new TimelineActorDto(e.ActorUserId, e.ActorName, e.ActorRole, e.ActorState),
            OccurredOn = e.OccurredOn,
            RecordedAt = e.RecordedAt,
            Note = e.Note,
            Details = ParseDetails(e.Payload),
            Verified = e.SequenceNumber < firstBroken,
        })];
    }

    private static JsonElement? ParseDetails(string? payload)
    {
        if (payload is null)
        {
            return null;
        }

        try
        {
            using var document = JsonDocument.Parse(payload);
            return document.RootElement.Clone();
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
