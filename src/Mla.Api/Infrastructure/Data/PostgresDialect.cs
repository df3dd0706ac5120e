using System.Data.Common;
using Npgsql;

namespace Mla.Api.Infrastructure.Data;

/// <summary>PostgreSQL: a server engine for real deployments.</summary>
public sealed class PostgresDialect() : SqlDialect(DatabaseEngine.Postgres)
{
    public override DbConnection CreateConnection(string connectionString) => new NpgsqlConnection(connectionString);

    public override string ByteLength(string column) => $"octet_length({column})";

    // 'O' fires in the ordinary (origin) mode, 'A' always; 'D' is disabled and 'R' fires on replicas only.
    public override string EnabledTriggersSql => """
        SELECT c.relname AS table_name, t.tgname AS trigger_name
        FROM pg_trigger t
        JOIN pg_class c ON c.oid = t.tgrelid
        JOIN pg_namespace n ON n.oid = c.relnamespace
        WHERE n.nspname = current_schema() AND NOT t.tgisinternal AND t.tgenabled IN ('O', 'A')
        """;
}
