namespace Mla.Api.Features.Audit;

/// <summary>
/// The newest checkpoint in <c>Audit:CheckpointFolder</c> whose signature holds, as the service's anchors:
/// every timeline is checked against it. Looked up again whenever a newer file appears (the job, or the
/// <c>checkpoint</c> verb run beside the service); a file that does not verify is logged and passed over.
/// </summary>
public sealed partial class LatestCheckpoint(AuditOptions options, IServiceProvider services, ILogger<LatestCheckpoint> logger) : IChainAnchors
{
    private readonly Lock _lock = new();
    private string? _newestFile;
    private Checkpoint? _checkpoint;

    public ValueTask<AnchoredHead?> FindAsync(Guid requestId, CancellationToken cancellationToken)
    {
        var checkpoint = Current();
        return ValueTask.FromResult(checkpoint is not null && checkpoint.Heads.TryGetValue(requestId, out var head)
            ? new AnchoredHead(head.Version, head.Hash, checkpoint.CreatedAt)
            : null);
    }

    private Checkpoint? Current()
    {
        if (string.IsNullOrWhiteSpace(options.CheckpointFolder) || !System.IO.Directory.Exists(options.CheckpointFolder))
        {
            return null;
        }

        var files = System.IO.Directory.GetFiles(options.CheckpointFolder, Checkpoint.FilePattern);
        Array.Sort(files, (a, b) => string.CompareOrdinal(Path.GetFileName(b), Path.GetFileName(a)));
        var newest = files.FirstOrDefault();
        lock (_lock)
        {
            if (string.Equals(newest, _newestFile, StringComparison.Ordinal))
            {
                return _checkpoint;
            }

            _newestFile = newest;
            _checkpoint = null;
            var key = services.GetRequiredService<CheckpointKey>();
            foreach (var file in files)
            {
                try
                {
                    var checkpoint = Checkpoint.Read(file);
                    if (checkpoint.IsSignedBy(key))
                    {
                        _checkpoint = checkpoint;
                        break;
                    }

                    LogNotSigned(logger, Path.GetFileName(file), key.Id);
                }
                catch (Exception exception) when (exception is IOException or InvalidDataException or UnauthorizedAccessException)
                {
                    LogUnreadable(logger, Path.GetFileName(file), exception.Message);
                }
            }

            return _checkpoint;
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkpoint {File} is not signed by this service's checkpoint key {KeyId}: passed over")]
    private static partial void LogNotSigned(ILogger logger, string file, string keyId);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Checkpoint {File} cannot be read ({Reason}): passed over")]
    private static partial void LogUnreadable(ILogger logger, string file, string reason);
}
