using Mla.Domain.Timeline;

namespace Mla.Api.Features.Requests;

/// <summary>
/// Everything a request's record says, as stored, read by <see cref="RequestStore.ReadRecordAsync"/>:
/// the request's row (lifecycle columns, content columns, whether it was discarded; not its head), its
/// content's child rows (legal bases, offences, persons, assistance items with their outcomes), its
/// refusal grounds, and the hashes and descriptions of its frozen documents and annexes (not their bytes:
/// <see cref="RecordVerifier"/> holds the bytes to their SHA-256). Every event seals the
/// <see cref="Digest"/> of the record after it, so one chain covers the whole record.
/// </summary>
/// <remarks>
/// Fields are named after their columns (<c>requests.subject</c>, <c>request_persons.0.full_name</c>),
/// not after C# properties, so renaming a property leaves stored digests valid. A column added later
/// must be null (or false) on the requests that existed before it, or their digests no longer match
/// until their next event: see <see cref="CanonicalText.OfFields"/>.
/// </remarks>
public sealed record RequestRecord(
    RequestRow Row,
    IReadOnlyList<KeyValuePair<string, object?>> Fields,
    IReadOnlyList<DocumentEntry> Documents,
    IReadOnlyList<AnnexEntry> Annexes)
{
    /// <summary>First line of the record's canonical text; a change of what it covers bumps it.</summary>
    public const string FormatHeader = "mla-request-record/v1";

    /// <summary>Lowercase hex SHA-256 of the record's canonical text.</summary>
    public string Digest => CanonicalText.Sha256(CanonicalText.OfFields(FormatHeader, Fields));
}

/// <summary>A frozen document as the record describes it (its bytes are checked against <see cref="Sha256"/>).</summary>
public sealed record DocumentEntry
{
    public Guid Id { get; init; }

    public required string Language { get; init; }

    public int RequestVersion { get; init; }

    public required string Sha256 { get; init; }

    public DateTimeOffset GeneratedAt { get; init; }

    public bool IsFrozen { get; init; }
}

/// <summary>An annex as the record describes it (its bytes are checked against <see cref="Sha256"/>).</summary>
public sealed record AnnexEntry
{
    public Guid Id { get; init; }

    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public long SizeBytes { get; init; }

    public required string Sha256 { get; init; }

    public string? Description { get; init; }

    public bool IsTranslation { get; init; }

    public Guid UploadedBy { get; init; }

    public DateTimeOffset UploadedAt { get; init; }
}
