using Mla.Api.Infrastructure.Data;

namespace Mla.Api.Tests.Infrastructure;

/// <summary>
/// The engines every database test runs on: SQLite and PostgreSQL always (PostgreSQL from
/// <c>MLA_TEST_POSTGRES</c>, which tests/run.sh sets; without it those tests fail, they are never
/// skipped), and SQL Server when <c>MLA_TEST_SQLSERVER</c> holds a connection string.
/// </summary>
public static class TestEngines
{
    public const string PostgresVariable = "MLA_TEST_POSTGRES";

    public const string SqlServerVariable = "MLA_TEST_SQLSERVER";

    public static IEnumerable<DatabaseEngine> All()
    {
        yield return DatabaseEngine.Sqlite;
        yield return DatabaseEngine.Postgres;
        if (!string.IsNullOrWhiteSpace(Environment.GetEnvironmentVariable(SqlServerVariable)))
        {
            yield return DatabaseEngine.SqlServer;
        }
    }

    public static string ServerConnectionString(DatabaseEngine engine)
    {
        var variable = engine == DatabaseEngine.Postgres ? PostgresVariable : SqlServerVariable;
        var value = Environment.GetEnvironmentVariable(variable);
        if (string.IsNullOrWhiteSpace(value))
        {
            Assert.Fail($"{engine} is required but {variable} is not set. Run the suite with tests/run.sh, which starts a throwaway PostgreSQL cluster.");
        }

        return value!;
    }
}
