namespace Mla.Api.Features.Notifications;

/// <summary>
/// Every <c>Notifications:PollInterval</c> (30 seconds by default), while the API is served: writes the
/// morning digests that are due (<see cref="OverdueDigests"/>), then sends due notices, batch after batch
/// while there are more. Off when <c>Notifications:Smtp:Host</c> is not
/// configured (notices then wait in the outbox) or <c>Notifications:SendInBackground</c> is false. A
/// failure is logged and the next round tries again.
/// </summary>
public sealed partial class NoticeWorker(NoticeOptions options, OverdueDigests digests, NoticeDispatcher dispatcher, TimeProvider time, ILogger<NoticeWorker> logger) : BackgroundService
{
    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.SendInBackground || !options.Smtp.IsConfigured)
        {
            LogOff(logger);
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await digests.WriteDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A digest that fails is tried again next round; the notices waiting must still go.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogDigestFailed(logger, exception);
            }

            try
            {
                while (await dispatcher.SendDueAsync(stoppingToken) >= options.BatchSize)
                {
                    // A full batch: there may be more waiting.
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A background job must outlive one failed round: the next round tries again.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogFailed(logger, exception);
            }

            try
            {
                await Task.Delay(options.PollInterval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail notices are kept in the outbox, not sent: Notifications:Smtp:Host is not configured or Notifications:SendInBackground is false")]
    private static partial void LogOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing the overdue digests failed; the next round will try again")]
    private static partial void LogDigestFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending notices failed; the next round will try again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
