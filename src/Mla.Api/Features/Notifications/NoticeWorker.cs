using Mla.Api.Infrastructure.Hosting;

namespace Mla.Api.Features.Notifications;

/// <summary>
/// Every <c>Notifications:PollInterval</c> (30 seconds by default), while the API is served: writes the
/// morning digests that are due (<see cref="OverdueDigests"/>), then sends due notices, batch after batch
/// while there are more. Off when <c>Notifications:Smtp:Host</c> is not
/// configured (notices then wait in the outbox) or <c>Notifications:SendInBackground</c> is false. A
/// failure is logged and the next round tries again.
/// </summary>
public sealed partial class NoticeWorker(NoticeOptions options, OverdueDigests digests, NoticeDispatcher dispatcher, TimeProvider time, ILogger<NoticeWorker> logger)
    : PeriodicJob(time)
{
    protected override bool IsOn => options.SendInBackground && options.Smtp.IsConfigured;

    protected override TimeSpan Interval => options.PollInterval;

    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        try
        {
            await digests.WriteDueAsync(cancellationToken);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            // A digest that fails is tried again next round; the notices waiting must still go.
            LogDigestFailed(logger, exception);
        }

        while (await dispatcher.SendDueAsync(cancellationToken) >= options.BatchSize)
        {
            // A full batch: there may be more waiting.
        }
    }

    protected override void LogOff() => LogOff(logger);

    protected override void LogFailed(Exception exception) => LogFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Information, Message = "E-mail notices are kept in the outbox, not sent: Notifications:Smtp:Host is not configured or Notifications:SendInBackground is false")]
    private static partial void LogOff(ILogger logger);

    [LoggerMessage(Level = LogLevel.Error, Message = "Writing the overdue digests failed; the next round will try again")]
    private static partial void LogDigestFailed(ILogger logger, Exception exception);

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending notices failed; the next round will try again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
