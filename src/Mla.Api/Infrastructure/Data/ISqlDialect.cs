using System.Data.Common;

namespace Mla.Api.Infrastructure.Data;

/// <summary>
/// The few SQL differences between engines. Everything else is written once in standard SQL;
/// a handler never asks which engine it runs on. Each engine's dialect derives from <see cref="SqlDialect"/>,
/// which holds what they share.
/// </summary>
public interface ISqlDialect
{
    DatabaseEngine Engine { get; }

    /// <summary>Folder under <c>db/</c> holding this engine's migration scripts.</summary>
    string MigrationsFolder { get; }

    DbConnection CreateConnection(string connectionString);

    /// <summary>
    /// Waits, before a transaction begins, for this process's turn to write, on an engine whose write lock
    /// is the whole database (SQLite, <see cref="SqliteWriters"/>); disposing the answer gives the turn
    /// back. Null on engines that lock rows: their writers do not queue.
    /// </summary>
    Task<IDisposable?> WaitForWriteTurnAsync(string connectionString, CancellationToken cancellationToken);

    /// <summary>Paging clause placed after ORDER BY, taking @offset and @limit parameters.</summary>
    string Paging(string offsetParameter = "@offset", string limitParameter = "@limit");

    /// <summary>Placed after a WHERE with no ORDER BY: any <paramref name="limitParameter"/> rows, for a bounded count.</summary>
    string FirstRows(string limitParameter);

    /// <summary>
    /// An INSERT of one row that does nothing (0 rows affected, no error) when a row with the same key
    /// exists or is being inserted by a concurrent transaction, which it waits for. Each column takes the
    /// parameter of the same name (<c>@user_id</c> for <c>user_id</c>). A failed statement would abort a
    /// PostgreSQL transaction, so "insert, catch the duplicate, carry on" is not an option there.
    /// </summary>
    string InsertIfAbsent(string table, IReadOnlyList<string> columns, IReadOnlyList<string> keyColumns);

    /// <summary>The size in bytes of a binary column, computed by the engine (so the bytes are never read).</summary>
    string ByteLength(string column);

    /// <summary>
    /// The triggers that keep the record append-only (<c>request_events</c>, <c>request_documents</c>,
    /// <c>request_attachments</c>), by table, as this engine's migrations name them.
    /// </summary>
    IReadOnlyList<(string Table, string Trigger)> AppendOnlyTriggers { get; }

    /// <summary>The triggers the catalog holds and that fire, as <c>TableName</c> and <c>TriggerName</c>.</summary>
    string EnabledTriggersSql { get; }
}
