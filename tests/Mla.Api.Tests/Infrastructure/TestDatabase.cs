using Microsoft.Data.SqlClient;
using Microsoft.Data.Sqlite;
using Mla.Api.Infrastructure.Data;
using Npgsql;

namespace Mla.Api.Tests.Infrastructure;

/// <summary>A fresh, empty database of one engine, created for a test run and dropped after it.</summary>
public sealed class TestDatabase : IAsyncDisposable
{
    private readonly string? _serverConnectionString;
    private readonly string _name;
    private readonly string? _sqliteFolder;

    private TestDatabase(DatabaseEngine engine, string connectionString, string name, string? serverConnectionString, string? sqliteFolder)
    {
        Engine = engine;
        ConnectionString = connectionString;
        _name = name;
        _serverConnectionString = serverConnectionString;
        _sqliteFolder = sqliteFolder;
    }

    public DatabaseEngine Engine { get; }

    public string ConnectionString { get; }

    public ISqlDialect Dialect => SqlDialects.For(Engine);

    /// <summary>Where the service writes its checkpoints of this database (Audit:CheckpointFolder), removed with it.</summary>
    public string CheckpointFolder => Path.Combine(Path.GetTempPath(), $"{_name}-checkpoints");

    public static async Task<TestDatabase> CreateAsync(DatabaseEngine engine)
    {
        var name = $"mla_test_{Guid.NewGuid():N}"[..24];
        switch (engine)
        {
            case DatabaseEngine.Sqlite:
                var folder = Path.Combine(Path.GetTempPath(), name);
                Directory.CreateDirectory(folder);
                var sqlite = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "mla.db"), ForeignKeys = true, DefaultTimeout = 30 };
                return new TestDatabase(engine, sqlite.ToString(), name, null, folder);
            case DatabaseEngine.Postgres:
                var pgServer = TestEngines.ServerConnectionString(engine);
                await using (var connection = new NpgsqlConnection(pgServer))
                {
                    await connection.OpenAsync();
                    await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                    await command.ExecuteNonQueryAsync();
                }

                var pg = new NpgsqlConnectionStringBuilder(pgServer) { Database = name };
                return new TestDatabase(engine, pg.ToString(), name, pgServer, null);
            case DatabaseEngine.SqlServer:
                var msServer = TestEngines.ServerConnectionString(engine);
                await using (var connection = new SqlConnection(msServer))
                {
                    await connection.OpenAsync();
                    await using var command = new SqlCommand($"CREATE DATABASE {name}", connection);
                    await command.ExecuteNonQueryAsync();
                }

                var ms = new SqlConnectionStringBuilder(msServer) { InitialCatalog = name };
                return new TestDatabase(engine, ms.ToString(), name, msServer, null);
            default:
                throw new ArgumentOutOfRangeException(nameof(engine), engine, null);
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Directory.Exists(CheckpointFolder))
        {
            Directory.Delete(CheckpointFolder, recursive: true);
        }

        switch (Engine)
        {
            case DatabaseEngine.Sqlite:
                SqliteConnection.ClearAllPools();
                if (_sqliteFolder is not null && Directory.Exists(_sqliteFolder))
                {
                    Directory.Delete(_sqliteFolder, recursive: true);
                }

                break;
            case DatabaseEngine.Postgres:
                NpgsqlConnection.ClearAllPools();
                await using (var connection = new NpgsqlConnection(_serverConnectionString))
                {
                    await connection.OpenAsync();
                    await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
                    await command.ExecuteNonQueryAsync();
                }

                break;
            case DatabaseEngine.SqlServer:
                SqlConnection.ClearAllPools();
                await using (var connection = new SqlConnection(_serverConnectionString))
                {
                    await connection.OpenAsync();
                    await using var command = new SqlCommand($"ALTER DATABASE {_name} SET SINGLE_USER WITH ROLLBACK IMMEDIATE; DROP DATABASE {_name}", connection);
                    await command.ExecuteNonQueryAsync();
                }

                break;
        }
    }
}
