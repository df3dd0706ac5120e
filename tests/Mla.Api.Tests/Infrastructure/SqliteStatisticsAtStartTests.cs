using Mla.Api.Infrastructure.Data;

namespace Mla.Api.Tests.Infrastructure;

/// <summary>
/// The service gives SQLite its planner statistics (PRAGMA optimize) when it starts: a service of its own, on a
/// database of its own, so that what the shared test service did at its start cannot answer for it.
/// </summary>
public sealed class SqliteStatisticsAtStartTests
{
    [Test]
    public async Task ServiceStarted_OnSqlite_TheTablesItHoldsRowsOfHaveStatistics()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite);
        long states = 0;
        await using (var factory = new MlaApiFactory(database))
        {
            // Migrated and seeded before the service starts; its background services run after.
            _ = factory.Server;
            for (var waited = 0; waited < 200 && states == 0; waited++)
            {
                states = await SqliteStatisticsTests.StatisticsRowsAsync(database.Dialect.CreateConnection(database.ConnectionString), "states");
                if (states == 0)
                {
                    await Task.Delay(50);
                }
            }
        }

        Assert.That(states, Is.GreaterThan(0), "sqlite_stat1 holds the seeded States table's indexes");
    }
}
