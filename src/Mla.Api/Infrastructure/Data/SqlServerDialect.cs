using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace Mla.Api.Infrastructure.Data;

/// <summary>
/// SQL Server: a server engine for real deployments. No SQL Server runs on the development machines,
/// so every statement this dialect produces is parse-checked with ScriptDom in the tests.
/// </summary>
public sealed class SqlServerDialect() : SqlDialect(DatabaseEngine.SqlServer)
{
    public override DbConnection CreateConnection(string connectionString) => new SqlConnection(connectionString);

    public override string ByteLength(string column) => $"DATALENGTH({column})";

    public override string FirstRows(string limitParameter) => $"ORDER BY (SELECT NULL) OFFSET 0 ROWS FETCH NEXT {limitParameter} ROWS ONLY";

    public override string Paging(string offsetParameter = "@offset", string limitParameter = "@limit") =>
        $"OFFSET {offsetParameter} ROWS FETCH NEXT {limitParameter} ROWS ONLY";

    public override string EnabledTriggersSql => """
        SELECT OBJECT_NAME(t.parent_id) AS table_name, t.name AS trigger_name
        FROM sys.triggers t
        WHERE t.parent_class = 1 AND t.is_disabled = 0
        """;

    // UPDLOCK + HOLDLOCK keep the key range locked from the check to the insert, so two sessions cannot
    // both see it absent.
    public override string InsertIfAbsent(string table, IReadOnlyList<string> columns, IReadOnlyList<string> keyColumns) =>
        $"INSERT INTO {table} ({string.Join(", ", columns)}) SELECT {string.Join(", ", columns.Select(column => "@" + column))} "
        + $"WHERE NOT EXISTS (SELECT 1 FROM {table} WITH (UPDLOCK, HOLDLOCK) WHERE {string.Join(" AND ", keyColumns.Select(key => $"{key} = @{key}"))})";
}
