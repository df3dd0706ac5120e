using System.Data.Common;
using Npgsql;

namespace Mla.Api.Infrastructure.Data;

/// <summary>PostgreSQL: a server engine for real deployments.</summary>
public sealed class PostgresDialect : ISqlDialect
{
    public DatabaseEngine Engine => DatabaseEngine.Postgres;

    public string MigrationsFolder => "postgres";

    public DbConnection CreateConnection(string connectionString) => new NpgsqlConnection(connectionString);

    public string Paging(string offsetParameter = "@offset", string limitParameter = "@limit") =>
        $"LIMIT {limitParameter} OFFSET {offsetParameter}";

    public string EqualsIgnoreCase(string column, string parameter) => $"lower({column}) = lower({parameter})";
}
