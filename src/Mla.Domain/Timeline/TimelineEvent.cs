using Mla.Domain.Access;
using Mla.Domain.Requests;

namespace Mla.Domain.Timeline;

// The hashed content of one event of a request's timeline (a row of request_events without its hashes).
// ActionCode is a string because the timeline also holds events that are not lifecycle actions.
// ActorState is null only for actors without a State. RecordedAt: see EventChain.NormalizeRecordedAt.
// RecordSha256 is the digest of the request's whole record after the event (its content, status,
// documents and annexes); null only on events recorded before the chain covered the record (format 1).
public sealed record TimelineEvent(
    Guid RequestId,
    int SequenceNumber,
    string ActionCode,
    RequestStatus? FromStatus,
    RequestStatus ToStatus,
    Guid ActorUserId,
    Role ActorRole,
    string? ActorState,
    DateOnly OccurredOn,
    DateTimeOffset RecordedAt,
    string? Note,
    string? Payload,
    string? RecordSha256 = null);
