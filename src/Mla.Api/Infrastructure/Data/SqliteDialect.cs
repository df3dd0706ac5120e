using System.Data.Common;
using Microsoft.Data.Sqlite;

namespace Mla.Api.Infrastructure.Data;

/// <summary>SQLite: the embedded default engine.</summary>
public sealed class SqliteDialect : ISqlDialect
{
    public DatabaseEngine Engine => DatabaseEngine.Sqlite;

    public string MigrationsFolder => "sqlite";

    public DbConnection CreateConnection(string connectionString) => new SqliteConnection(connectionString);

    public async Task<IDisposable?> WaitForWriteTurnAsync(string connectionString, CancellationToken cancellationToken) =>
        await SqliteWriters.WaitAsync(connectionString, cancellationToken);

    public string ByteLength(string column) => $"length({column})";

    public string FirstRows(string limitParameter) => $"LIMIT {limitParameter}";

    public string Paging(string offsetParameter = "@offset", string limitParameter = "@limit") =>
        $"LIMIT {limitParameter} OFFSET {offsetParameter}";

    public IReadOnlyList<(string Table, string Trigger)> AppendOnlyTriggers { get; } =
    [
        .. AppendOnly.Tables.SelectMany(table => new[] { (table, $"{table}_no_update"), (table, $"{table}_no_delete") }),
    ];

    // SQLite cannot disable a trigger: one that exists fires.
    public string EnabledTriggersSql => "SELECT tbl_name AS table_name, name AS trigger_name FROM sqlite_master WHERE type = 'trigger'";

    public string InsertIfAbsent(string table, IReadOnlyList<string> columns, IReadOnlyList<string> keyColumns) =>
        $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(column => "@" + column))}) "
        + $"ON CONFLICT ({string.Join(", ", keyColumns)}) DO NOTHING";
}
