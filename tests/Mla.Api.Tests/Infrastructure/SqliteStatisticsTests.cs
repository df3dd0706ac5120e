using Dapper;
using Mla.Api.Infrastructure.Data;

namespace Mla.Api.Tests.Infrastructure;

/// <summary>
/// The service gives SQLite its planner statistics (PRAGMA optimize) when it starts: a service of its own, on
/// a database of its own, so that what the shared test service did at its start cannot answer for it.
/// </summary>
public sealed class SqliteStatisticsTests
{
    [Test]
    public async Task ServiceStarted_OnSqlite_TheRequestsTableHasStatistics()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite);
        long after = 0;
        await using (var factory = new MlaApiFactory(database))
        {
            _ = factory.Server;
            for (var waited = 0; waited < 200 && after == 0; waited++)
            {
                after = await StatisticsRowsAsync(database, "requests");
                if (after == 0)
                {
                    await Task.Delay(50);
                }
            }
        }

        Assert.That(after, Is.GreaterThan(0), "sqlite_stat1 holds the requests table's indexes");
    }

    private static async Task<long> StatisticsRowsAsync(TestDatabase database, string table)
    {
        await using var connection = database.Dialect.CreateConnection(database.ConnectionString);
        await connection.OpenAsync();
        var exists = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'");
        return exists == 0 ? 0 : await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = @table", new { table });
    }
}
