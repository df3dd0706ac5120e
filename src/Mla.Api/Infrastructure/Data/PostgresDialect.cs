using System.Data.Common;
using Npgsql;

namespace Mla.Api.Infrastructure.Data;

/// <summary>PostgreSQL: a server engine for real deployments.</summary>
public sealed class PostgresDialect : ISqlDialect
{
    public DatabaseEngine Engine => DatabaseEngine.Postgres;

    public string MigrationsFolder => "postgres";

    public DbConnection CreateConnection(string connectionString) => new NpgsqlConnection(connectionString);

    public string ByteLength(string column) => $"octet_length({column})";

    public string FirstRows(string limitParameter) => $"LIMIT {limitParameter}";

    public string Paging(string offsetParameter = "@offset", string limitParameter = "@limit") =>
        $"LIMIT {limitParameter} OFFSET {offsetParameter}";

    public IReadOnlyList<(string Table, string Trigger)> AppendOnlyTriggers { get; } =
        [.. AppendOnly.Tables.Select(table => (table, $"{table}_append_only"))];

    // 'O' fires in the ordinary (origin) mode, 'A' always; 'D' is disabled and 'R' fires on replicas only.
    public string EnabledTriggersSql => """
        SELECT c.relname AS table_name, t.tgname AS trigger_name
        FROM pg_trigger t
        JOIN pg_class c ON c.oid = t.tgrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND NOT t.tgisinternal AND t.tgenabled IN ('O', 'A')
        """;

    public string InsertIfAbsent(string table, IReadOnlyList<string> columns, IReadOnlyList<string> keyColumns) =>
        $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(column => "@" + column))}) "
        + $"ON CONFLICT ({string.Join(", ", keyColumns)}) DO NOTHING";
}
