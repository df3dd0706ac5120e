using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Mla.Domain.Timeline;

/// <summary>
/// Makes a request's timeline tamper-evident: each event's hash covers the previous event's hash and its
/// own canonical content, so changing, removing or reordering any event breaks every hash after it.
/// From format 2 on, an event's content also holds the digest of the whole record after it
/// (<see cref="TimelineEvent.RecordSha256"/>: content, status, persons, documents and annexes), so one chain
/// covers everything the record says. (Removing the last events leaves a valid shorter chain: keep the last
/// hash on the request, and checkpoints outside the database, to see that.)
/// </summary>
public static class EventChain
{
    /// <summary>Events recorded before the chain covered the record: their content is the event alone.</summary>
    public const int EventOnlyFormat = 1;

    /// <summary>Events whose content also holds the digest of the record after them. Every new event.</summary>
    public const int RecordFormat = 2;

    /// <summary>The format an event is hashed in: <see cref="RecordFormat"/> when it carries a record digest.</summary>
    public static int FormatOf(TimelineEvent timelineEvent)
    {
        ArgumentNullException.ThrowIfNull(timelineEvent);
        return timelineEvent.RecordSha256 is null ? EventOnlyFormat : RecordFormat;
    }

    /// <summary>
    /// Lowercase hex SHA-256 of the UTF-8 bytes of <c>(previousHash ?? "") + "\n" + canonicalContent</c>.
    /// The first event of a request has no previous hash (null, hashed as the empty string).
    /// </summary>
    public static string Compute(string? previousHash, string canonicalContent)
    {
        ArgumentNullException.ThrowIfNull(canonicalContent);
        var bytes = Encoding.UTF8.GetBytes((previousHash ?? "") + "\n" + canonicalContent);
        return Convert.ToHexStringLower(SHA256.HashData(bytes));
    }

    /// <summary>
    /// A deterministic, culture-invariant text of the event: a header line naming its format
    /// (<c>mla-timeline-event/v1</c> or <c>/v2</c>), then one <c>name=value</c> line per field in a fixed
    /// order, ending in v2 with <c>record-sha256</c>. A null value is written as the bare name (no <c>=</c>) so that
    /// null and empty differ; backslash, CR and LF in values are escaped so a value cannot fake a line.
    /// Codes are kebab-case, dates <c>yyyy-MM-dd</c>, <see cref="TimelineEvent.RecordedAt"/> UTC with exactly
    /// microseconds (<c>yyyy-MM-ddTHH:mm:ss.ffffffZ</c>, truncated) because PostgreSQL keeps no more than
    /// microseconds. The payload is hashed as the exact JSON text stored: store it as text, never as jsonb,
    /// which would reorder keys and break the chain.
    /// </summary>
    public static string Canonicalize(TimelineEvent timelineEvent)
    {
        ArgumentNullException.ThrowIfNull(timelineEvent);
        var e = timelineEvent;
        var format = FormatOf(e);
        var builder = new StringBuilder($"mla-timeline-event/v{format.ToString(CultureInfo.InvariantCulture)}");
        AppendField(builder, "request-id", e.RequestId.ToString("D"));
        AppendField(builder, "sequence-number", e.SequenceNumber.ToString(CultureInfo.InvariantCulture));
        AppendField(builder, "action", e.ActionCode);
        AppendField(builder, "from-status", e.FromStatus?.ToCode());
        AppendField(builder, "to-status", e.ToStatus.ToCode());
        AppendField(builder, "actor-user-id", e.ActorUserId.ToString("D"));
        AppendField(builder, "actor-role", e.ActorRole.ToCode());
        AppendField(builder, "actor-state", e.ActorState);
        AppendField(builder, "occurred-on", e.OccurredOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture));
        AppendField(builder, "recorded-at", e.RecordedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture));
        AppendField(builder, "note", e.Note);
        AppendField(builder, "payload", e.Payload);
        if (format == RecordFormat)
        {
            AppendField(builder, "record-sha256", e.RecordSha256);
        }

        return builder.ToString();
    }

    public static string Hash(string? previousHash, TimelineEvent timelineEvent)
        => Compute(previousHash, Canonicalize(timelineEvent));

    /// <summary>
    /// Seals a new event after <paramref name="previous"/> (null for the first event). Its RecordedAt is
    /// normalised first: store the returned event as is, so that what is read back hashes the same.
    /// </summary>
    public static ChainedEvent Append(ChainedEvent? previous, TimelineEvent timelineEvent)
    {
        ArgumentNullException.ThrowIfNull(timelineEvent);
        var normalized = timelineEvent with { RecordedAt = NormalizeRecordedAt(timelineEvent.RecordedAt) };
        return new ChainedEvent(normalized, previous?.Hash, Hash(previous?.Hash, normalized));
    }

    /// <summary>
    /// UTC, truncated to whole microseconds: what PostgreSQL keeps, and what SQL Server and SQLite give
    /// back unchanged. Hashing a finer value than the one stored would break the chain on reading.
    /// </summary>
    public static DateTimeOffset NormalizeRecordedAt(DateTimeOffset recordedAt)
    {
        var utc = recordedAt.ToUniversalTime();
        return new DateTimeOffset(utc.Ticks - (utc.Ticks % TimeSpan.TicksPerMicrosecond), TimeSpan.Zero);
    }

    /// <summary>
    /// The sequence number of the first event that breaks the chain, or null when the whole chain holds.
    /// Events must be given in timeline order. An event breaks the chain when its hash or stored previous
    /// hash does not match, when it belongs to another request than the first event, when its sequence
    /// number does not follow the previous one, or when it is in an older format than the event before it
    /// (Mla never writes one: an event stripped of its record digest, then rehashed, is a downgrade).
    /// </summary>
    public static int? Verify(IEnumerable<ChainedEvent> events)
    {
        ArgumentNullException.ThrowIfNull(events);
        ChainedEvent? previous = null;
        foreach (var current in events)
        {
            var broken = previous is not null
                && (current.Event.RequestId != previous.Event.RequestId
                    || current.Event.SequenceNumber != previous.Event.SequenceNumber + 1
                    || FormatOf(current.Event) < FormatOf(previous.Event));
            if (broken
                || !string.Equals(current.PreviousHash, previous?.Hash, StringComparison.Ordinal)
                || !string.Equals(current.Hash, Hash(previous?.Hash, current.Event), StringComparison.Ordinal))
            {
                return current.Event.SequenceNumber;
            }

            previous = current;
        }

        return null;
    }

    private static void AppendField(StringBuilder builder, string name, string? value) =>
        CanonicalText.AppendField(builder, name, value);
}
