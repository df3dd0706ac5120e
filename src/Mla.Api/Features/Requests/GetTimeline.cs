using System.Text.Json;

namespace Mla.Api.Features.Requests;

public sealed record GetTimelineQuery(Guid RequestId) : IQuery<TimelineDto>;

/// <summary>A request's timeline: where its chain stands, and its events, oldest first.</summary>
public sealed record TimelineDto
{
    public required ChainStateDto Chain { get; init; }

    public required IReadOnlyList<TimelineEventDto> Events { get; init; }
}

/// <summary>
/// Whether the request's record is what its chain sealed: <c>verified</c>, <c>truncated</c> (the chain
/// holds but events it had are gone: the request's head, or the newest checkpoint, saw more), or
/// <c>broken</c> at <see cref="BrokenAt"/>, the first event whose hash, or whose record (content, status,
/// persons, documents, annexes), does not match.
/// </summary>
public sealed record ChainStateDto
{
    public ChainState State { get; init; }

    /// <summary>The first event that cannot be trusted; every event from it on has <c>verified: false</c>.</summary>
    public int? BrokenAt { get; init; }

    /// <summary>What is wrong, naming events and versions.</summary>
    public string? Problem { get; init; }

    /// <summary>
    /// Whether the last event seals the whole record. False for a request untouched since before the
    /// chain covered it: its events are checked, its content is not until its next event.
    /// </summary>
    public bool CoversRecord { get; init; }

    /// <summary>When the newest signed checkpoint that holds the request was written; null when none does yet.</summary>
    public DateTimeOffset? CheckpointedAt { get; init; }
}

/// <summary>
/// One event of a request's timeline. <see cref="Verified"/> is false from the first event that cannot
/// be trusted onwards (<see cref="ChainStateDto.BrokenAt"/>): someone changed the database by hand.
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

public sealed class GetTimelineHandler(RequestAccess access, RecordVerifier verifier, IChainAnchors anchors)
    : IQueryHandler<GetTimelineQuery, TimelineDto>
{
    public async ValueTask<TimelineDto> Handle(GetTimelineQuery query, CancellationToken cancellationToken)
    {
        var request = await access.GetAsync(query.RequestId, cancellationToken);
        var (_, _, check, events) = await verifier.CheckAsync(request.Id, anchors, cancellationToken)
            ?? throw new InvalidOperationException("A request the caller may see has no record.");
        var firstBroken = check.BrokenAt ?? int.MaxValue;
        return new TimelineDto
        {
            Chain = new ChainStateDto
            {
                State = check.State,
                BrokenAt = check.BrokenAt,
                Problem = check.Problem,
                CoversRecord = check.CoversRecord,
                CheckpointedAt = check.Anchor?.CheckpointedAt,
            },
            Events = [.. events.Select(ToDto)],
        };

        TimelineEventDto ToDto(EventRow e) => new()
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
        };
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
