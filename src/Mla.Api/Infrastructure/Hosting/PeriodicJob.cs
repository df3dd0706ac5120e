namespace Mla.Api.Infrastructure.Hosting;

/// <summary>
/// A job that runs at start-up and then after every <see cref="Interval"/> while the API is served, unless
/// its configuration leaves it off. A failed run is logged and the next run tries again: one bad run must
/// not end the job for the life of the process. Stopping the API ends the run or the wait under way.
/// </summary>
public abstract class PeriodicJob(TimeProvider time) : BackgroundService
{
    /// <summary>False when the configuration leaves the job off: it then says so once (<see cref="LogOff"/>) and never runs.</summary>
    protected abstract bool IsOn { get; }

    /// <summary>The wait between the end of one run and the start of the next.</summary>
    protected abstract TimeSpan Interval { get; }

    protected abstract Task RunOnceAsync(CancellationToken cancellationToken);

    protected abstract void LogOff();

    /// <summary>Logs a run that failed; the next run tries again.</summary>
    protected abstract void LogFailed(Exception exception);

    protected sealed override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!IsOn)
        {
            LogOff();
            return;
        }

        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await RunOnceAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
#pragma warning disable CA1031 // A background job must outlive one failed run: the next run tries again.
            catch (Exception exception)
#pragma warning restore CA1031
            {
                LogFailed(exception);
            }

            try
            {
                await Task.Delay(Interval, time, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }
}
