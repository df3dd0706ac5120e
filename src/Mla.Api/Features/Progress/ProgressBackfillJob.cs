namespace Mla.Api.Features.Progress;

/// <summary>
/// Runs the progress backfill once when the service starts, in the background (the service answers
/// meanwhile; the requests not yet done are only missing from search until their batch). Nothing is
/// left to do on a database that never held requests of a version before 0008: one query, no write.
/// </summary>
public sealed partial class ProgressBackfillJob(ProgressBackfill backfill, ILogger<ProgressBackfillJob> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        try
        {
            var done = await backfill.RunAsync(stoppingToken);
            if (done > 0)
            {
                LogDone(logger, done);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
#pragma warning disable CA1031 // A failed backfill must not stop the service: it runs again at the next start.
        catch (Exception exception)
#pragma warning restore CA1031
        {
            LogFailed(logger, exception);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Progress backfill: due dates, search terms and person keys written for {Count} request(s) of an older version")]
    private static partial void LogDone(ILogger logger, int count);

    [LoggerMessage(Level = LogLevel.Error, Message = "Progress backfill failed; it runs again at the next start")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
