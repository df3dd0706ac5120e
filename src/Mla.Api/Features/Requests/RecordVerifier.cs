using System.Security.Cryptography;
using System.Text.Json;
using Mla.Domain.Access;
using Mla.Domain.Timeline;

namespace Mla.Api.Features.Requests;

/// <summary>Where a request's chain stands.</summary>
public enum ChainState
{
    /// <summary>Every event, the record, its documents, annexes and head agree (and a checkpoint, when one holds the request).</summary>
    Verified,

    /// <summary>The chain holds but ends early: its head, or a checkpoint, saw events that are not there any more.</summary>
    Truncated,

    /// <summary>An event, or what it sealed, was changed.</summary>
    Broken,
}

/// <summary>What checking one request's record found. <see cref="Problem"/> names events and versions only, never the record's content.</summary>
public sealed record ChainCheck
{
    public ChainState State { get; init; }

    /// <summary>The first event that cannot be trusted (<see cref="ChainState.Broken"/> only): every event from it on is unverified.</summary>
    public int? BrokenAt { get; init; }

    public string? Problem { get; init; }

    /// <summary>
    /// Whether the last event seals the whole record (hash format 2). False for a request untouched since
    /// before the chain covered the record: its events verify, its content cannot be checked until its next event.
    /// </summary>
    public bool CoversRecord { get; init; }

    /// <summary>The checkpoint the chain was held against, if one holds the request.</summary>
    public AnchoredHead? Anchor { get; init; }
}

/// <summary>A request's events as they were checked, with what the check found.</summary>
public sealed record CheckedChain(Guid RequestId, string? ReferenceNumber, ChainCheck Check, IReadOnlyList<EventRow> Events);

/// <summary>
/// Checks a request's whole record as stored: every event's hash against its content and the previous
/// hash (<see cref="EventChain.Verify"/>); the record (content, status, persons, documents, annexes)
/// against the digest its last event sealed; the bytes of each frozen document and annex against their
/// SHA-256, and that SHA-256 against the event that froze or added it; the request's head (version, last
/// hash) against its last event; and, when a checkpoint holds the request, the chain against the head the
/// checkpoint saw, which catches truncation and chains recomputed from scratch. Used by the timeline
/// query for one request, and by <c>verify-audit</c> for all.
/// </summary>
public sealed class RecordVerifier(IDbSession session, RequestStore store, RequestTimeline timeline)
{
    private const int Attempts = 3;

    private const string RequestsSql = "SELECT id AS Id, reference_number AS ReferenceNumber FROM requests ORDER BY created_at, id";

    private const string HeadSql = "SELECT version AS Version, last_event_hash AS LastEventHash FROM requests WHERE id = @id";

    private const string DocumentBytesSql = "SELECT content FROM request_documents WHERE id = @id";

    private const string AnnexBytesSql = "SELECT content FROM request_attachments WHERE id = @id";

    /// <summary>Every request, oldest first, discarded drafts included (their timelines stay).</summary>
    public Task<IReadOnlyList<RequestName>> AllRequestsAsync(CancellationToken cancellationToken) =>
        session.QueryAsync<RequestName>(RequestsSql, null, cancellationToken);

    /// <summary>
    /// Checks one request's record, against <paramref name="anchors"/> when given; null when there is no
    /// such request. Reads run outside any transaction, so the request's head is read again at the end:
    /// a step committed meanwhile changed it, and the check starts over rather than mistake a
    /// half-read record for a tampered one.
    /// </summary>
    public async Task<CheckedChain?> CheckAsync(Guid requestId, IChainAnchors? anchors, CancellationToken cancellationToken)
    {
        var anchor = anchors is null ? null : await anchors.FindAsync(requestId, cancellationToken);
        for (var attempt = 1; ; attempt++)
        {
            var record = await store.ReadRecordAsync(requestId, cancellationToken);
            if (record is null)
            {
                return null;
            }

            var events = await timeline.AllAsync(requestId, cancellationToken);
            var documents = new Dictionary<Guid, string?>();
            foreach (var document in record.Documents)
            {
                documents[document.Id] = await HashOfAsync(DocumentBytesSql, document.Id, cancellationToken);
            }

            var annexes = new Dictionary<Guid, string?>();
            foreach (var annex in record.Annexes)
            {
                annexes[annex.Id] = await HashOfAsync(AnnexBytesSql, annex.Id, cancellationToken);
            }

            var head = await session.QuerySingleOrDefaultAsync<Head>(HeadSql, new { id = requestId }, cancellationToken);
            if (attempt == Attempts
                || (head is not null && head.Version == record.Row.Version && string.Equals(head.LastEventHash, record.Row.LastEventHash, StringComparison.Ordinal)))
            {
                return new CheckedChain(requestId, record.Row.ReferenceNumber, Check(record, events, documents, annexes, anchor), events);
            }
        }
    }

    /// <summary>What the stored record, its events, the hashes of its bytes and a checkpoint's head say together.</summary>
    public static ChainCheck Check(
        RequestRecord record,
        IReadOnlyList<EventRow> events,
        IReadOnlyDictionary<Guid, string?> documentBytes,
        IReadOnlyDictionary<Guid, string?> annexBytes,
        AnchoredHead? anchor)
    {
        ArgumentNullException.ThrowIfNull(record);
        ArgumentNullException.ThrowIfNull(events);
        ArgumentNullException.ThrowIfNull(documentBytes);
        ArgumentNullException.ThrowIfNull(annexBytes);

        var last = events.Count == 0 ? null : events[^1];
        var lastSequence = last?.SequenceNumber ?? 0;
        var covers = last is not null && last.HashFormat == EventChain.RecordFormat;
        var declared = events.Select(e => (Event: e, Frozen: DeclaredHashes(e.Payload))).ToList();

        // What an event, or what it froze or added, says against what is stored: the first of these is where the chain breaks.
        var broken = new List<(int Sequence, string Problem)>();
        if (events.FirstOrDefault(e => !IsWellFormed(e)) is { } malformed)
        {
            broken.Add((malformed.SequenceNumber, $"event {malformed.SequenceNumber}: holds a status, role, code or hash format that Mla never writes"));
        }

        if (EventChain.Verify(events.Select(e => e.ToChained())) is { } unverified)
        {
            broken.Add((unverified, $"event {unverified}: its hash does not match its content and the previous event's hash"));
        }

        foreach (var document in record.Documents)
        {
            if (documentBytes.GetValueOrDefault(document.Id) is { } actual && !string.Equals(actual, document.Sha256, StringComparison.Ordinal))
            {
                var at = FirstNaming(declared, "document", document.Sha256) ?? events.FirstOrDefault(e => e.SequenceNumber == document.RequestVersion)?.SequenceNumber ?? lastSequence;
                broken.Add((at, $"event {at}: the bytes of the document it froze do not match their SHA-256"));
            }
        }

        foreach (var annex in record.Annexes)
        {
            if (annexBytes.GetValueOrDefault(annex.Id) is { } actual && !string.Equals(actual, annex.Sha256, StringComparison.Ordinal))
            {
                var at = FirstNaming(declared, "annex", annex.Sha256)
                    ?? events.FirstOrDefault(e => e.HashFormat == EventChain.RecordFormat && e.RecordedAt >= annex.UploadedAt)?.SequenceNumber
                    ?? lastSequence;
                broken.Add((at, $"event {at}: the bytes of an annex it recorded do not match their SHA-256"));
            }
        }

        foreach (var (e, frozen) in declared)
        {
            if (frozen.Document is { } document && !record.Documents.Any(d => string.Equals(d.Sha256, document, StringComparison.Ordinal)))
            {
                broken.Add((e.SequenceNumber, $"event {e.SequenceNumber}: the document it froze is missing, or its SHA-256 was changed"));
            }

            if (frozen.Annex is { } annex && !record.Annexes.Any(a => string.Equals(a.Sha256, annex, StringComparison.Ordinal)))
            {
                broken.Add((e.SequenceNumber, $"event {e.SequenceNumber}: the annex it added is missing, or its SHA-256 was changed"));
            }
        }

        if (anchor is not null && events.FirstOrDefault(e => e.SequenceNumber == anchor.Version) is { } anchored
            && !string.Equals(anchored.Hash, anchor.Hash, StringComparison.Ordinal))
        {
            // The hash of the anchored event covers every event before it: none of them can be trusted.
            broken.Add((1, $"events 1 to {anchor.Version} are not those the checkpoint of {Instant(anchor.CheckpointedAt)} saw: event {anchor.Version}'s hash differs, so the chain was rewritten"));
        }

        if (broken.Count > 0)
        {
            var (sequence, problem) = broken.MinBy(b => b.Sequence);
            return new ChainCheck { State = ChainState.Broken, BrokenAt = sequence, Problem = problem, CoversRecord = covers, Anchor = anchor };
        }

        // The chain holds as far as it goes; does it go as far as it should?
        var version = record.Row.Version;
        string? truncated = null;
        if (anchor is not null && lastSequence < anchor.Version)
        {
            truncated = $"event {lastSequence + 1} is missing: the checkpoint of {Instant(anchor.CheckpointedAt)} saw event {anchor.Version}, the timeline ends at event {lastSequence}";
        }
        else if (lastSequence < version)
        {
            truncated = $"event {lastSequence + 1} is missing: the request is at version {version} but its timeline ends at event {lastSequence}";
        }
        else if (record.Row.LastEventHash is { } head && !string.Equals(head, last?.Hash, StringComparison.Ordinal))
        {
            truncated = $"event {lastSequence} is not the last event the request recorded (its head names another hash)";
        }

        if (truncated is not null)
        {
            return new ChainCheck { State = ChainState.Truncated, Problem = truncated, CoversRecord = covers, Anchor = anchor };
        }

        // The chain is whole: is the record what its last event sealed?
        if (lastSequence > version)
        {
            return Broken(version + 1, $"event {version + 1} is past the request's head: the request is at version {version} but its timeline goes on to event {lastSequence}");
        }

        if (covers && !string.Equals(record.Digest, last!.RecordSha256, StringComparison.Ordinal))
        {
            return Broken(lastSequence, $"event {lastSequence}: the request as stored (content, status, persons, documents or annexes) is not what this event recorded");
        }

        return new ChainCheck { State = ChainState.Verified, CoversRecord = covers, Anchor = anchor };

        ChainCheck Broken(int sequence, string problem) =>
            new() { State = ChainState.Broken, BrokenAt = sequence, Problem = problem, CoversRecord = covers, Anchor = anchor };
    }

    private async Task<string?> HashOfAsync(string sql, Guid id, CancellationToken cancellationToken)
    {
        var bytes = await session.ExecuteScalarAsync<byte[]?>(sql, new { id }, cancellationToken);
        return bytes is null ? null : Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    private static int? FirstNaming(IEnumerable<(EventRow Event, (string? Document, string? Annex) Frozen)> declared, string kind, string sha256) =>
        declared.FirstOrDefault(d => string.Equals(kind == "document" ? d.Frozen.Document : d.Frozen.Annex, sha256, StringComparison.Ordinal)).Event?.SequenceNumber;

    /// <summary>The SHA-256 of the document an event froze (<c>document.sha256</c>) and of the annex it added (<c>annex.sha256</c>), from its payload.</summary>
    private static (string? Document, string? Annex) DeclaredHashes(string? payload)
    {
        if (payload is null)
        {
            return (null, null);
        }

        try
        {
            using var json = JsonDocument.Parse(payload);
            return (Sha256Of(json.RootElement, "document"), Sha256Of(json.RootElement, "annex"));
        }
        catch (JsonException)
        {
            // Not JSON: Mla never wrote it, and the event's hash says so.
            return (null, null);
        }

        static string? Sha256Of(JsonElement root, string name) =>
            root.ValueKind == JsonValueKind.Object && root.TryGetProperty(name, out var item) && item.ValueKind == JsonValueKind.Object
                && item.TryGetProperty("sha256", out var sha) && sha.ValueKind == JsonValueKind.String
                ? sha.GetString()
                : null;
    }

    // A code the domain does not know, or a hash format that does not match the event, can only have been written by hand.
    private static bool IsWellFormed(EventRow e) =>
        (e.FromStatus is null || KebabCode.TryParse<RequestStatus>(e.FromStatus, out _))
        && KebabCode.TryParse<RequestStatus>(e.ToStatus, out _)
        && KebabCode.TryParse<Role>(e.ActorRole, out _)
        && e.HashFormat == EventChain.FormatOf(e.ToChained().Event);

    private static string Instant(DateTimeOffset at) => at.UtcDateTime.ToString("yyyy-MM-dd HH:mm:ss 'UTC'", CultureInfo.InvariantCulture);

    private sealed record Head
    {
        public int Version { get; init; }

        public string? LastEventHash { get; init; }
    }
}

/// <summary>A request's id and reference number, for reports.</summary>
public sealed record RequestName
{
    public Guid Id { get; init; }

    public string? ReferenceNumber { get; init; }
}
