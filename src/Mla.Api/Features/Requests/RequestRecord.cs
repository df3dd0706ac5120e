using System.Text.Json.Serialization;
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

/// <summary>
/// A frozen document as the record describes it (its bytes are checked against <see cref="Sha256"/>), and the
/// base of the document as the API lists it. Its properties' JSON order keeps a derived DTO's own between
/// <see cref="Sha256"/> and <see cref="GeneratedAt"/> (the serializer writes a base record's properties after the derived one's).
/// </summary>
public record DocumentEntry
{
    [JsonPropertyOrder(-1)]
    public Guid Id { get; init; }

    [JsonPropertyOrder(-1)]
    public required string Language { get; init; }

    /// <summary>The request's version when the document was generated.</summary>
    [JsonPropertyOrder(-1)]
    public int RequestVersion { get; init; }

    [JsonPropertyOrder(-1)]
    public required string Sha256 { get; init; }

    [JsonPropertyOrder(1)]
    public DateTimeOffset GeneratedAt { get; init; }

    [JsonPropertyOrder(1)]
    public bool IsFrozen { get; init; }
}

/// <summary>
/// An annex's file as stored: what the record describes of each annex (<see cref="AnnexEntry"/>) and what the
/// API answers of it both start from it.
/// </summary>
public abstract record AnnexFile
{
    public required string FileName { get; init; }

    public required string ContentType { get; init; }

    public long SizeBytes { get; init; }

    public required string Sha256 { get; init; }

    public string? Description { get; init; }

    public bool IsTranslation { get; init; }
}

/// <summary>An annex as the record describes it (its bytes are checked against <see cref="AnnexFile.Sha256"/>).</summary>
public sealed record AnnexEntry : AnnexFile
{
    public Guid Id { get; init; }

    public Guid UploadedBy { get; init; }

    public DateTimeOffset UploadedAt { get; init; }
}
