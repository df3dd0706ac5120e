using System.Text.Json;
using Mla.Api.Infrastructure.Hosting;
using Mla.Domain.Access;
using Mla.Domain.Timeline;

namespace Mla.Api.Features.Requests;

/// <summary>
/// A request's timeline in <c>request_events</c>: appends events sealed by <see cref="EventChain"/>, each
/// with the digest of the request's record after it, and reads them back as stored. The database
/// refuses UPDATE and DELETE on the table.
/// </summary>
public sealed class RequestTimeline(IDbSession session, ICurrentUser currentUser, TimeProvider time)
{
    // The request's head comes with every event, read by the same statement: a check of the chain's
    // end against the request must not mistake an event appended meanwhile for a tampered one.
    public const string EventColumnsSql = """
        SELECT e.request_id AS RequestId, e.sequence_number AS SequenceNumber, e.action_code AS ActionCode,
               e.from_status AS FromStatus, e.to_status AS ToStatus, e.actor_user_id AS ActorUserId,
               e.actor_role AS ActorRole, e.actor_state AS ActorState, e.occurred_on AS OccurredOn,
               e.recorded_at AS RecordedAt, e.note AS Note, e.payload AS Payload,
               e.previous_hash AS PreviousHash, e.hash AS Hash, e.hash_format AS HashFormat, e.record_sha256 AS RecordSha256,
               u.display_name AS ActorName,
               r.version AS HeadVersion, r.last_event_hash AS HeadHash
        FROM request_events e
        JOIN requests r ON r.id = e.request_id
        LEFT JOIN users u ON u.id = e.actor_user_id
        """;

    private const string LastSql = EventColumnsSql + """

        WHERE e.request_id = @id
          AND e.sequence_number = (SELECT MAX(m.sequence_number) FROM request_events m WHERE m.request_id = @id)
        """;

    private const string AllSql = EventColumnsSql + """

        WHERE e.request_id = @id
        ORDER BY e.sequence_number
        """;

    private const string InsertSql = """
        INSERT INTO request_events (request_id, sequence_number, action_code, from_status, to_status, actor_user_id,
                                    actor_role, actor_state, occurred_on, recorded_at, note, payload, previous_hash, hash,
                                    hash_format, record_sha256)
        VALUES (@RequestId, @SequenceNumber, @ActionCode, @FromStatus, @ToStatus, @ActorUserId,
                @ActorRole, @ActorState, @OccurredOn, @RecordedAt, @Note, @Payload, @PreviousHash, @Hash,
                @HashFormat, @RecordSha256)
        """;

    // The last event of every request: the heads a checkpoint anchors outside the database.
    private const string HeadsSql = $"""
        SELECT e.request_id AS {nameof(ChainHead.RequestId)}, e.sequence_number AS {nameof(ChainHead.Version)}, e.hash AS {nameof(ChainHead.Hash)}
        FROM request_events e
        WHERE e.sequence_number = (SELECT MAX(m.sequence_number) FROM request_events m WHERE m.request_id = e.request_id)
        """;

    public async Task<EventRow?> LastAsync(Guid requestId, CancellationToken cancellationToken) =>
        await session.QuerySingleOrDefaultAsync<EventRow>(LastSql, new { id = requestId }, cancellationToken);

    public Task<IReadOnlyList<EventRow>> AllAsync(Guid requestId, CancellationToken cancellationToken) =>
        session.QueryAsync<EventRow>(AllSql, new { id = requestId }, cancellationToken);

    /// <summary>The last event of every request: its sequence number (the request's version) and hash.</summary>
    public Task<IReadOnlyList<ChainHead>> HeadsAsync(CancellationToken cancellationToken) =>
        session.QueryAsync<ChainHead>(HeadsSql, null, cancellationToken);

    /// <summary>
    /// Seals and stores the next event of the request, by the current user, with the digest of the
    /// request's record after the step (<paramref name="recordSha256"/>). The caller holds the request's row
    /// (its version was just bumped), so no other event can be appended concurrently; it records the
    /// returned hash as the request's head.
    /// </summary>
    public async Task<ChainedEvent> AppendAsync(
        Guid requestId,
        EventRow? previous,
        string actionCode,
        RequestStatus? from,
        RequestStatus to,
        DateOnly occurredOn,
        string? note,
        object? payload,
        string recordSha256,
        CancellationToken cancellationToken)
    {
        var chained = EventChain.Append(previous?.ToChained(), new TimelineEvent(
            requestId,
            (previous?.SequenceNumber ?? 0) + 1,
            actionCode,
            from,
            to,
            currentUser.Id,
            currentUser.Role,
            currentUser.State,
            occurredOn,
            time.GetUtcNow(),
            string.IsNullOrWhiteSpace(note) ? null : note.Trim(),
            payload is null ? null : JsonSerializer.Serialize(payload, MlaJson.Options),
            recordSha256));
        var e = chained.Event;
        await session.ExecuteAsync(InsertSql, new
        {
            e.RequestId,
            e.SequenceNumber,
            e.ActionCode,
            FromStatus = e.FromStatus?.ToCode(),
            ToStatus = e.ToStatus.ToCode(),
            e.ActorUserId,
            ActorRole = e.ActorRole.ToCode(),
            e.ActorState,
            e.OccurredOn,
            e.RecordedAt,
            e.Note,
            e.Payload,
            chained.PreviousHash,
            chained.Hash,
            HashFormat = EventChain.FormatOf(e),
            e.RecordSha256,
        }, cancellationToken);
        return chained;
    }
}

/// <summary>A row of <c>request_events</c>, with the actor's display name.</summary>
public sealed record EventRow
{
    public Guid RequestId { get; init; }

    public int SequenceNumber { get; init; }

    public required string ActionCode { get; init; }

    public string? FromStatus { get; init; }

    public required string ToStatus { get; init; }

    public Guid ActorUserId { get; init; }

    public required string ActorRole { get; init; }

    public string? ActorState { get; init; }

    public DateOnly OccurredOn { get; init; }

    public DateTimeOffset RecordedAt { get; init; }

    public string? Note { get; init; }

    public string? Payload { get; init; }

    public string? PreviousHash { get; init; }

    public required string Hash { get; init; }

    /// <summary>The rule the event was sealed with (<see cref="EventChain.FormatOf"/>): 1 for events recorded before the chain covered the record.</summary>
    public int HashFormat { get; init; }

    /// <summary>The digest of the request's record after the event (<see cref="RequestRecord.Digest"/>); null in format 1.</summary>
    public string? RecordSha256 { get; init; }

    public string? ActorName { get; init; }

    /// <summary>The request's version when the event was read (it counts the request's events).</summary>
    public int HeadVersion { get; init; }

    /// <summary>The hash the request recorded as its last event's when the event was read.</summary>
    public string? HeadHash { get; init; }

    /// <summary>
    /// The event as the chain hashes it. A stored code the domain does not know (a tampered row) is kept
    /// as is where the chain allows, otherwise it cannot verify: the hash will not match.
    /// </summary>
    public ChainedEvent ToChained() => new(
        new TimelineEvent(
            RequestId,
            SequenceNumber,
            ActionCode,
            FromStatus is null ? null : ParseOr(FromStatus, RequestStatus.Draft),
            ParseOr(ToStatus, RequestStatus.Draft),
            ActorUserId,
            ParseOr(ActorRole, Role.Admin),
            ActorState,
            OccurredOn,
            RecordedAt,
            Note,
            Payload,
            RecordSha256),
        PreviousHash,
        Hash);

    private static TEnum ParseOr<TEnum>(string code, TEnum fallback)
        where TEnum : struct, Enum => KebabCode.TryParse<TEnum>(code, out var value) ? value : fallback;
}

/// <summary>The head of a request's chain: its last event's sequence number (the request's version) and hash.</summary>
public sealed record ChainHead
{
    public Guid RequestId { get; init; }

    public int Version { get; init; }

    public required string Hash { get; init; }
}
