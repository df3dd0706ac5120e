using Mla.Api.Infrastructure.Data;
using Mla.Domain;
using Mla.Domain.Access;
using Mla.Domain.Requests;
using Mla.Domain.Timeline;

namespace Mla.Api.Features.Requests;

/// <summary>A broken timeline: the first event that does not verify, and why.</summary>
public sealed record BrokenChain(Guid RequestId, string? ReferenceNumber, int FirstBrokenEvent, string Problem);

/// <summary>What <c>verify-audit</c> found: how many timelines it checked, and those that are broken.</summary>
public sealed record AuditReport(int RequestsChecked, IReadOnlyList<BrokenChain> Broken);

/// <summary>
/// Checks timelines as stored: every event's hash against its content and the previous hash
/// (<see cref="EventChain.Verify"/>), and the chain's head against the request (its last hash and its
/// version, which counts its events), so events removed from the end are noticed too. Used by the
/// <c>verify-audit</c> verb for every request, and by the timeline query for one.
/// </summary>
public sealed class TimelineVerifier(IDbSession session)
{
    private const string RequestsSql = """
        SELECT id AS Id, reference_number AS ReferenceNumber, version AS Version, last_event_hash AS LastEventHash
        FROM requests
        ORDER BY created_at, id
        """;

    private const string EventsSql = RequestTimeline.EventColumnsSql + """

        WHERE e.request_id = @id
        ORDER BY e.sequence_number
        """;

    public async Task<AuditReport> VerifyAllAsync(CancellationToken cancellationToken)
    {
        var requests = await session.QueryAsync<ChainHead>(RequestsSql, null, cancellationToken);
        var broken = new List<BrokenChain>();
        foreach (var request in requests)
        {
            var events = await session.QueryAsync<EventRow>(EventsSql, new { id = request.Id }, cancellationToken);
            if (FirstBroken(events, request.Version, request.LastEventHash) is { } found)
            {
                broken.Add(new BrokenChain(request.Id, request.ReferenceNumber, found.Sequence, found.Problem));
            }
        }

        return new AuditReport(requests.Count, broken);
    }

    /// <summary>
    /// The first event that breaks the chain of one request, or null when it holds. The head is read
    /// with the events; <paramref name="version"/> and <paramref name="lastEventHash"/> serve only when
    /// there is no event at all.
    /// </summary>
    public static (int Sequence, string Problem)? FirstBroken(IReadOnlyList<EventRow> events, int version, string? lastEventHash)
    {
        if (events.Count > 0)
        {
            version = events[0].HeadVersion;
            lastEventHash = events[0].HeadHash;
        }

        // A code the domain does not know can only have been written by hand.
        var malformed = events.FirstOrDefault(e => !IsWellFormed(e));
        var unverified = EventChain.Verify(events.Select(e => e.ToChained()));
        if (malformed is not null && (unverified is null || malformed.SequenceNumber <= unverified))
        {
            return (malformed.SequenceNumber, "holds a status, role or value that Mla never writes");
        }

        if (unverified is { } sequence)
        {
            return (sequence, "its hash does not match its content and the previous event's hash");
        }

        var last = events.Count == 0 ? null : events[^1];
        if ((last?.SequenceNumber ?? 0) != version)
        {
            return ((last?.SequenceNumber ?? 0) + 1, $"is missing: the request is at version {version} but its timeline ends at event {last?.SequenceNumber ?? 0}");
        }

        if (lastEventHash is not null && !string.Equals(last?.Hash, lastEventHash, StringComparison.Ordinal))
        {
            return (last?.SequenceNumber ?? 1, "is not the last event the request recorded");
        }

        return null;
    }

    private static bool IsWellFormed(EventRow e) =>
        (e.FromStatus is null || KebabCode.TryParse<RequestStatus>(e.FromStatus, out _))
        && KebabCode.TryParse<RequestStatus>(e.ToStatus, out _)
        && KebabCode.TryParse<Role>(e.ActorRole, out _);

    private sealed record ChainHead
    {
        public Guid Id { get; init; }

        public string? ReferenceNumber { get; init; }

        public int Version { get; init; }

        public string? LastEventHash { get; init; }
    }
}
