using Mla.Api.Infrastructure.Hosting;

namespace Mla.Api.Infrastructure.Data;

/// <summary>
/// Keeps SQLite's planner statistics (<c>sqlite_stat1</c>) current, as SQLite recommends: <c>PRAGMA optimize</c>
/// when the service starts, then every <c>Database:SqliteOptimizeInterval</c> (6 hours by default). Without
/// statistics SQLite guesses, and picks plans that read every request of a State (docs/PERFORMANCE.md).
/// SQLite only: PostgreSQL and SQL Server keep their own statistics. A failure is logged and the next run tries again.
/// </summary>
public sealed partial class SqliteStatistics(DatabaseOptions options, ISqlDialect dialect, TimeProvider time, ILogger<SqliteStatistics> logger) :
    PeriodicJob(time)
{
    // 0x10000: look at every table, not only those this connection used (Mla's connections are pooled and
    // short-lived, so what one connection used says little); 0x00002: analyse the tables that would benefit
    // (never analysed, or grown a lot since). SQLite bounds the analysis itself, so it stays quick on a large
    // database. Not named ...Sql: it is no statement for the other engines.
    public const string OptimizePragma = "PRAGMA optimize=0x10002";

    /// <summary>Runs the optimisation now (nothing on another engine).</summary>
    public async Task OptimizeAsync(CancellationToken cancellationToken)
    {
        if (dialect.Engine != DatabaseEngine.Sqlite)
        {
            return;
        }

        await using var connection = dialect.CreateConnection(options.ConnectionString);
        await connection.OpenAsync(cancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = OptimizePragma;
        await command.ExecuteNonQueryAsync(cancellationToken);
    }

    protected override bool IsOn => dialect.Engine == DatabaseEngine.Sqlite;

    protected override TimeSpan Interval => options.SqliteOptimizeInterval;

    protected override Task RunOnceAsync(CancellationToken cancellationToken) => OptimizeAsync(cancellationToken);

    // Nothing to say on PostgreSQL and SQL Server: they keep their own statistics.
    protected override void LogOff()
    {
    }

    protected override void LogFailed(Exception exception) => LogFailed(logger, exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "PRAGMA optimize failed; the next run will try again")]
    private static partial void LogFailed(ILogger logger, Exception exception);
}
