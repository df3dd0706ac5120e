using System.Collections.Concurrent;
using Microsoft.Data.Sqlite;

namespace Mla.Api.Infrastructure.Data;

/// <summary>
/// SQLite's writers of this process, queued on one in-process turn per database. SQLite has one write
/// lock for the whole database, and Microsoft.Data.Sqlite waits for it by retrying <c>BEGIN IMMEDIATE</c>
/// and sleeping the calling thread between tries (its async methods run synchronously): a waiting writer
/// held a pool thread, and whichever retried at the right moment went first, so one could wait out the
/// busy timeout while later ones passed. Queued here, a writer waits without a thread, writers are served
/// in arrival order, and SQLite's lock is then free when a writer asks for it (unless another process, or
/// a connection opened outside <see cref="DbSession"/>, writes: the busy timeout still applies to those).
/// Reads never queue: in WAL mode they read beside the writer.
/// </summary>
public static class SqliteWriters
{
    // SQLite's result code for a database locked by another writer: what its own busy retries end with.
    private const int SqliteBusy = 5;

    private static readonly KeyedTurns Turns = new();

    private static readonly ConcurrentDictionary<string, (string Database, TimeSpan Timeout)> Databases = new(StringComparer.Ordinal);

    /// <summary>
    /// Waits for the database's write turn, as long as SQLite's own busy retries would (the connection
    /// string's Default Timeout), then fails as they would.
    /// </summary>
    public static async Task<IDisposable> WaitAsync(string connectionString, CancellationToken cancellationToken)
    {
        var (database, timeout) = Databases.GetOrAdd(connectionString, Describe);
        return await Turns.TryWaitAsync(database, timeout, cancellationToken)
            ?? throw new SqliteException($"database is locked: no turn to write came within {timeout.TotalSeconds:0} s.", SqliteBusy);
    }

    // One turn per database file, whatever the connection string's other keywords or the path's spelling.
    private static (string Database, TimeSpan Timeout) Describe(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        var inMemory = builder.Mode == SqliteOpenMode.Memory || builder.DataSource is "" or ":memory:";
        var database = inMemory ? connectionString : Path.GetFullPath(builder.DataSource);
        var timeout = builder.DefaultTimeout > 0 ? TimeSpan.FromSeconds(builder.DefaultTimeout) : Timeout.InfiniteTimeSpan;
        return (database, timeout);
    }
}
