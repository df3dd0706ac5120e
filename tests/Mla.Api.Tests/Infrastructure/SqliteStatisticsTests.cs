using System.Data;
using System.Data.Common;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Features.Requests;

namespace Mla.Api.Tests.Infrastructure;

/// <summary>
/// What the service runs at start and every few hours (<see cref="SqliteStatistics"/>): on SQLite, statistics
/// for the requests table once requests were written; on another engine, nothing (a PRAGMA would fail there).
/// </summary>
public sealed class SqliteStatisticsTests(DatabaseEngine engine) : RequestTest(engine)
{
    [Test]
    public async Task RequestsWritten_TheServiceOptimizes_SqliteHoldsStatisticsForRequests_OtherEnginesAreLeftAlone()
    {
        await TransmittedMlaAsync();
        var sqlite = Engine == DatabaseEngine.Sqlite;
        if (sqlite)
        {
            // Whatever an earlier run left: the requests table has no statistics now.
            await using var connection = await OpenConnectionAsync();
            if (await StatisticsTableExistsAsync(connection))
            {
                await connection.ExecuteAsync("DELETE FROM sqlite_stat1 WHERE tbl = 'requests'");
            }

            // A pooled connection keeps the statistics it loaded with the schema: without this, the next
            // one would still believe the table analysed and PRAGMA optimize would leave it be.
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        }

        // No "before" is asserted: the service's own periodic run is timed on the test clock, which other
        // tests of this fixture move by days, so it may run at any moment of this test.
        await Services.GetRequiredService<SqliteStatistics>().OptimizeAsync(CancellationToken.None);
        var after = sqlite ? await StatisticsRowsAsync(await OpenConnectionAsync(), "requests") : 0;

        Assert.That(after, sqlite ? Is.GreaterThan(0) : Is.Zero, "sqlite_stat1 holds the requests table's indexes");
    }

    /// <summary>Rows of <c>sqlite_stat1</c> for <paramref name="table"/> (none while the table of statistics does not exist); disposes the connection.</summary>
    internal static async Task<long> StatisticsRowsAsync(DbConnection connection, string table)
    {
        await using (connection)
        {
            if (connection.State != ConnectionState.Open)
            {
                await connection.OpenAsync();
            }

            return await StatisticsTableExistsAsync(connection)
                ? await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sqlite_stat1 WHERE tbl = @table", new { table })
                : 0;
        }
    }

    private static async Task<bool> StatisticsTableExistsAsync(DbConnection connection) =>
        await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM sqlite_master WHERE type = 'table' AND name = 'sqlite_stat1'") > 0;
}
