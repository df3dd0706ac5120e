using System.Data.Common;
using Microsoft.Data.SqlClient;

namespace Mla.Api.Infrastructure.Data;

/// <summary>
/// SQL Server: a server engine for real deployments. No SQL Server runs on the development machines,
/// so every statement this dialect produces is parse-checked with ScriptDom in the tests.
/// </summary>
public sealed class SqlServerDialect : ISqlDialect
{
    public DatabaseEngine Engine => DatabaseEngine.SqlServer;

    public string MigrationsFolder => "sqlserver";

    public DbConnection CreateConnection(string connectionString) => new SqlConnection(connectionString);

    public string Paging(string offsetParameter = "@offset", string limitParameter = "@limit") =>
        $"OFFSET {offsetParameter} ROWS FETCH NEXT {limitParameter} ROWS ONLY";

    // The default SQL Server collations are case-insensitive already.
    public string EqualsIgnoreCase(string column, string parameter) => $"{column} = {parameter}";
}
