namespace Mla.Benchmarks.Load;

/// <summary>
/// Samples the thread pool while a run lasts: Microsoft.Data.Sqlite waits for SQLite's write lock on the
/// calling thread (its async methods are synchronous), so waiting writers hold pool threads, and a pool
/// that grows slowly (its minimum is the core count, 2 here) makes every other call queue for a thread.
/// </summary>
public sealed class ThreadPoolSampler : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _sampling;
    private int _maxThreads;
    private long _maxQueued;

    public ThreadPoolSampler() => _sampling = SampleAsync();

    public int MaxThreads => _maxThreads;

    public long MaxQueued => _maxQueued;

    private async Task SampleAsync()
    {
        using var timer = new PeriodicTimer(TimeSpan.FromMilliseconds(50));
        try
        {
            do
            {
                _maxThreads = Math.Max(_maxThreads, ThreadPool.ThreadCount);
                _maxQueued = Math.Max(_maxQueued, ThreadPool.PendingWorkItemCount);
            }
            while (await timer.WaitForNextTickAsync(_stop.Token));
        }
        catch (OperationCanceledException) when (_stop.IsCancellationRequested)
        {
            // The run is over.
        }
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        await _sampling;
        _stop.Dispose();
    }
}
