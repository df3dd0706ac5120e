namespace Mla.Api.Features.Audit;

/// <summary>A checkpoint just written: where, and how many chain heads it holds.</summary>
public sealed record WrittenCheckpoint(string Path, int Heads, string KeyId);

/// <summary>Writes a signed checkpoint of every request chain's head into <c>Audit:CheckpointFolder</c>.</summary>
public sealed class CheckpointWriter(RequestTimeline timeline, CheckpointKey key, AuditOptions options, TimeProvider time)
{
    public async Task<WrittenCheckpoint> WriteAsync(CancellationToken cancellationToken)
    {
        var folder = string.IsNullOrWhiteSpace(options.CheckpointFolder)
            ? throw new InvalidOperationException("Audit:CheckpointFolder is not configured: say where checkpoints go.")
            : options.CheckpointFolder;
        // The time is taken before the heads are read: everything recorded before it is under the checkpoint.
        var createdAt = time.GetUtcNow();
        var heads = await timeline.HeadsAsync(cancellationToken);
        var path = Checkpoint.Create(createdAt, heads, key).WriteTo(folder);
        return new WrittenCheckpoint(path, heads.Count, key.Id);
    }
}
