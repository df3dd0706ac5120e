namespace Mla.Api.Infrastructure.Data;

/// <summary>
/// In-process turns, one holder at a time per key, served in the order they were asked for: a waiter
/// awaits without holding a thread (SemaphoreSlim hands a released turn to its oldest asynchronous
/// waiter, and nobody waits synchronously here). A key's entry is removed once nobody holds or awaits
/// it, so keys that come and go (counters of past years) do not accumulate.
/// </summary>
public sealed class KeyedTurns
{
    private readonly Dictionary<string, Entry> _entries = new(StringComparer.Ordinal);

    /// <summary>Waits for the key's turn; disposing the answer gives it back (once).</summary>
    public async Task<IDisposable> WaitAsync(string key, CancellationToken cancellationToken) =>
        await TryWaitAsync(key, Timeout.InfiniteTimeSpan, cancellationToken)
        ?? throw new InvalidOperationException("A turn awaited without a time limit was not given.");

    /// <summary>Waits for the key's turn at most <paramref name="timeout"/>; null when it did not come in time.</summary>
    public async Task<IDisposable?> TryWaitAsync(string key, TimeSpan timeout, CancellationToken cancellationToken)
    {
        Entry entry;
        lock (_entries)
        {
            if (!_entries.TryGetValue(key, out entry!))
            {
                entry = new Entry();
                _entries.Add(key, entry);
            }

            entry.Users++;
        }

        var entered = false;
        try
        {
            entered = await entry.Semaphore.WaitAsync(timeout, cancellationToken);
        }
        finally
        {
            if (!entered)
            {
                Leave(key, entry, held: false);
            }
        }

        return entered ? new Turn(this, key, entry) : null;
    }

    /// <summary>How many keys are held or awaited now.</summary>
    public int Count
    {
        get
        {
            lock (_entries)
            {
                return _entries.Count;
            }
        }
    }

    private void Leave(string key, Entry entry, bool held)
    {
        lock (_entries)
        {
            if (--entry.Users == 0)
            {
                _entries.Remove(key);
            }
        }

        if (held)
        {
            entry.Semaphore.Release();
        }
    }

    // Never disposed: a SemaphoreSlim whose wait handle is never asked for holds nothing to free.
    private sealed class Entry
    {
        public SemaphoreSlim Semaphore { get; } = new(1, 1);

        public int Users { get; set; }
    }

    private sealed class Turn(KeyedTurns owner, string key, Entry entry) : IDisposable
    {
        private int _released;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _released, 1) == 0)
            {
                owner.Leave(key, entry, held: true);
            }
        }
    }
}
