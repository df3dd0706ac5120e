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

    public string Paging(string offsetParameter = "@offset", string limitParameter = "@limit") =>
        $"LIMIT {limitParameter} OFFSET {offsetParameter}";

    public string InsertIfAbsent(string table, IReadOnlyList<string> columns, IReadOnlyList<string> keyColumns) =>
        $"INSERT INTO {table} ({string.Join(", ", columns)}) VALUES ({string.Join(", ", columns.Select(column => "@" + column))}) "
        + $"ON CONFLICT ({string.Join(", ", keyColumns)}) DO NOTHING";
}
