using EvolveDb;
using EvolveDb.Dialect;
using Microsoft.Data.Sqlite;

namespace Mla.Api.Infrastructure.Data;

/// <summary>What one migration run did: scripts applied and reference rows inserted (both 0 when up to date).</summary>
public sealed record MigrationReport(int ScriptsApplied, int ReferenceRowsInserted);

/// <summary>
/// Applies the numbered scripts of <c>db/&lt;engine&gt;/</c> with Evolve, then seeds reference data.
/// Safe to run any number of times: applied scripts are recorded in <c>schema_migrations</c> and the
/// seed only inserts what is missing.
/// </summary>
public sealed partial class DatabaseMigrator(
    ISqlDialect dialect,
    DatabaseOptions options,
    ReferenceDataSeeder seeder,
    ILogger<DatabaseMigrator> logger)
{
    public const string MetadataTable = "schema_migrations";

    public static string ScriptsRoot => Path.Combine(AppContext.BaseDirectory, "db");

    public async Task<MigrationReport> MigrateAsync(CancellationToken cancellationToken)
    {
        PrepareEngine();

        int applied;
        await using (var connection = dialect.CreateConnection(options.ConnectionString))
        {
            var evolve = new Evolve(connection, message => LogEvolve(logger, message), ToEvolveDbms(dialect.Engine))
            {
                MigrationLoader = new NumberedScriptLoader(Path.Combine(ScriptsRoot, dialect.MigrationsFolder)),
                MetadataTableName = MetadataTable,
                IsEraseDisabled = true,
                // Several instances starting together must not apply the same script twice.
                EnableClusterMode = dialect.Engine != DatabaseEngine.Sqlite,
            };
            evolve.Migrate();
            applied = evolve.NbMigration;
            LogMigrated(logger, dialect.Engine, applied);
        }

        var seeded = await seeder.SeedAsync(cancellationToken);
        return new MigrationReport(applied, seeded);
    }

    private void PrepareEngine()
    {
        if (dialect.Engine != DatabaseEngine.Sqlite)
        {
            return;
        }

        // The embedded default creates its folder on first run, and uses write-ahead logging so that
        // readers never wait for a writer.
        var builder = new SqliteConnectionStringBuilder(options.ConnectionString);
        if (builder.DataSource is { Length: > 0 } file && file != ":memory:" && builder.Mode != SqliteOpenMode.Memory)
        {
            var folder = Path.GetDirectoryName(Path.GetFullPath(file));
            if (!string.IsNullOrEmpty(folder))
            {
                Directory.CreateDirectory(folder);
            }

            using var connection = new SqliteConnection(options.ConnectionString);
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "PRAGMA journal_mode = WAL;";
            command.ExecuteNonQuery();
        }
    }

    [LoggerMessage(Level = LogLevel.Debug, Message = "Evolve: {Message}")]
    private static partial void LogEvolve(ILogger logger, string message);

    [LoggerMessage(Level = LogLevel.Information, Message = "Database schema is up to date on {Engine} ({Applied} script(s) applied now)")]
    private static partial void LogMigrated(ILogger logger, DatabaseEngine engine, int applied);

    private static DBMS ToEvolveDbms(DatabaseEngine engine) => engine switch
    {
        DatabaseEngine.Sqlite => DBMS.SQLite,
        DatabaseEngine.Postgres => DBMS.PostgreSQL,
        DatabaseEngine.SqlServer => DBMS.SQLServer,
        _ => throw new ArgumentOutOfRangeException(nameof(engine), engine, "Unknown database engine."),
    };
}
