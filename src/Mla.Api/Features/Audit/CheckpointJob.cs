using Mla.Api.Infrastructure.Hosting;

namespace Mla.Api.Features.Audit;

/// <summary>
/// Writes a checkpoint at start-up and then every <c>Audit:CheckpointInterval</c> (daily by default), while
/// the API is served. Off when <c>Audit:CheckpointFolder</c> is not configured. A failure is logged and the
/// next run tries again.
/// </summary>
public sealed partial class CheckpointJob(AuditOptions options, IServiceScopeFactory scopes, TimeProvider time, ILogger<CheckpointJob> logger)
    : PeriodicJob(time)
{
    protected override bool IsOn => !string.IsNullOrWhiteSpace(options.CheckpointFolder);

    protected override TimeSpan Interval => options.CheckpointInterval;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var written = await scope.ServiceProvider.GetRequiredService<CheckpointWriter>().WriteAsync(cancellationToken);
        LogWritten(logger, written.Heads, written.Path, written.KeyId);
    }

    protected override void LogOff() => LogOff(logger);

    protected override void LogFailed(Exception exception) => LogFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "Checkpoints are off: Audit:CheckpointFolder is not configured")]
    private static partial void LogOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Information, Message = "Checkpoint of {Heads} chain head(s) written to {Path} (key {KeyId})")]
    private static partial void LogWritten(ILogger logger, int heads, string path, string keyId);

    [LoggerMessage(Level = LogLevel.Error, Message = "Checkpoint could not be written; the next run will try again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
