using System.Text;
using System.Text.Json;
using Mla.Domain.Timeline;

namespace Mla.Api.Features.Audit;

/// <summary>
/// A signed list of the head of every request's chain at one moment (request id → version and the hash
/// of the event at that version), written as a JSON file to be kept outside the database. Signed with
/// HMAC-SHA256 over a canonical text of its content (<see cref="SignedText"/>), not over the JSON, so
/// that reformatting the file does not matter and editing it does.
/// </summary>
public sealed record Checkpoint
{
    public const string CurrentFormat = "mla-checkpoint/v1";

    private const string FilePrefix = "mla-checkpoint-";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public required string Format { get; init; }

    /// <summary>When the heads were read: every event recorded before this is under the checkpoint.</summary>
    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Which key signed it (<see cref="CheckpointKey.Id"/>).</summary>
    public required string KeyId { get; init; }

    public required IReadOnlyDictionary<Guid, CheckpointHead> Heads { get; init; }

    /// <summary>Base64 HMAC-SHA256 of <see cref="SignedText"/>.</summary>
    public string Signature { get; init; } = "";

    /// <summary>The file name pattern of checkpoints in a folder; names sort by time.</summary>
    public static string FilePattern => FilePrefix + "*.json";

    public static Checkpoint Create(DateTimeOffset createdAt, IEnumerable<ChainHead> heads, CheckpointKey key)
    {
        ArgumentNullException.ThrowIfNull(heads);
        ArgumentNullException.ThrowIfNull(key);
        var unsigned = new Checkpoint
        {
            Format = CurrentFormat,
            CreatedAt = createdAt.ToUniversalTime(),
            KeyId = key.Id,
            Heads = heads.ToDictionary(head => head.RequestId, head => new CheckpointHead(head.Version, head.Hash)),
        };
        return unsigned with { Signature = Convert.ToBase64String(key.Sign(unsigned.SignedText())) };
    }

    /// <summary>What is signed: the format, the time, the key's id, then one line per head in order of request id.</summary>
    public string SignedText()
    {
        var builder = new StringBuilder(Format);
        CanonicalText.AppendField(builder, "created-at", CreatedAt.UtcDateTime.ToString("yyyy-MM-dd'T'HH:mm:ss.fffffff'Z'", CultureInfo.InvariantCulture));
        CanonicalText.AppendField(builder, "key-id", KeyId);
        foreach (var (id, head) in Heads.OrderBy(pair => pair.Key.ToString("D"), StringComparer.Ordinal))
        {
            CanonicalText.AppendField(builder, "head", $"{id:D} {head.Version.ToString(CultureInfo.InvariantCulture)} {head.Hash}");
        }

        return builder.ToString();
    }

    /// <summary>Whether <paramref name="key"/> signed exactly this content.</summary>
    public bool IsSignedBy(CheckpointKey key)
    {
        ArgumentNullException.ThrowIfNull(key);
        if (Format != CurrentFormat || KeyId != key.Id)
        {
            return false;
        }

        try
        {
            return key.Verifies(SignedText(), Convert.FromBase64String(Signature));
        }
        catch (FormatException)
        {
            return false;
        }
    }

    /// <summary>Reads a checkpoint file; <see cref="InvalidDataException"/> when it is not one.</summary>
    public static Checkpoint Read(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<Checkpoint>(stream, Json)
                ?? throw new InvalidDataException($"{Path.GetFileName(path)} is not a checkpoint.");
        }
        catch (JsonException exception)
        {
            throw new InvalidDataException($"{Path.GetFileName(path)} is not a checkpoint: {exception.Message}", exception);
        }
    }

    /// <summary>
    /// Writes the checkpoint into <paramref name="folder"/> (created if need be) under a name that sorts by
    /// time, through a temporary file moved into place so that nobody reads half a checkpoint. Returns its path.
    /// </summary>
    public string WriteTo(string folder)
    {
        System.IO.Directory.CreateDirectory(folder);
        var path = Path.Combine(folder, $"{FilePrefix}{CreatedAt.UtcDateTime.ToString("yyyyMMdd'T'HHmmssfffffff'Z'", CultureInfo.InvariantCulture)}.json");
        var temporary = Path.Combine(folder, $".{Path.GetFileName(path)}.{Guid.NewGuid():N}.tmp");
        File.WriteAllText(temporary, JsonSerializer.Serialize(this, Json), Encoding.UTF8);
        File.Move(temporary, path, overwrite: false);
        return path;
    }
}

/// <summary>A request's head in a checkpoint: its version (the sequence number of its last event) and that event's hash.</summary>
public sealed record CheckpointHead(int Version, string Hash);

/// <summary>One checkpoint's heads, as anchors for <see cref="RecordVerifier"/>.</summary>
public sealed class CheckpointAnchors(Checkpoint checkpoint) : IChainAnchors
{
    public ValueTask<AnchoredHead?> FindAsync(Guid requestId, CancellationToken cancellationToken) =>
        ValueTask.FromResult(checkpoint.Heads.TryGetValue(requestId, out var head)
            ? new AnchoredHead(head.Version, head.Hash, checkpoint.CreatedAt)
            : null);
}
