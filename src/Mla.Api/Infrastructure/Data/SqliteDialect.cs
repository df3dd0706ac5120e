using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Mla.Api.Infrastructure.Data;

/// <summary>SQLite: the embedded default engine.</summary>
public sealed class SqliteDialect() : SqlDialect(DatabaseEngine.Sqlite)
{
    public override DbConnection CreateConnection(string connectionString) => new SqliteConnection(connectionString);

    public override async Task<IDisposable?> WaitForWriteTurnAsync(string connectionString, CancellationToken cancellationToken) =>
        await SqliteWriters.WaitAsync(connectionString, cancellationToken);

    public override string ByteLength(string column) => $"length({column})";

    public override IReadOnlyList<(string Table, string Trigger)> AppendOnlyTriggers { get; } =
    [
        .. AppendOnly.Tables.SelectMany(table => new[] { (table, $"{table}_no_update"), (table, $"{table}_no_delete") }),
    ];

    // SQLite cannot disable a trigger: one that exists fires.
    public override string EnabledTriggersSql => "SELECT tbl_name AS table_name, name AS trigger_name FROM sqlite_master WHERE type = 'trigger'";
}
