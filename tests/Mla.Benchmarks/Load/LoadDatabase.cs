using Microsoft.Data.Sqlite;
using Mla.Api.Infrastructure.Data;
using Npgsql;

namespace Mla.Benchmarks.Load;

/// <summary>A fresh, empty database for one measured run, dropped after it (as the functional tests do).</summary>
public sealed class LoadDatabase : IAsyncDisposable
{
    private readonly string? _serverConnectionString;
    private readonly string _name;
    private readonly string? _sqliteFolder;

    private LoadDatabase(DatabaseEngine engine, string connectionString, string name, string? serverConnectionString, string? sqliteFolder)
    {
        Engine = engine;
        ConnectionString = connectionString;
        _name = name;
        _serverConnectionString = serverConnectionString;
        _sqliteFolder = sqliteFolder;
    }

    public DatabaseEngine Engine { get; }

    public string ConnectionString { get; }

    public static async Task<LoadDatabase> CreateAsync(LoadOptions options)
    {
        var name = $"mla_load_{Guid.NewGuid():N}"[..24];
        switch (options.Engine)
        {
            case DatabaseEngine.Sqlite:
                var folder = Path.Combine(Path.GetTempPath(), name);
                Directory.CreateDirectory(folder);
                // The API adds foreign keys, pooling and its 30 s busy timeout itself.
                var sqlite = new SqliteConnectionStringBuilder { DataSource = Path.Combine(folder, "mla.db") };
                return new LoadDatabase(options.Engine, sqlite.ToString(), name, null, folder);
            case DatabaseEngine.Postgres:
                var server = options.PostgresConnectionString!;
                await using (var connection = new NpgsqlConnection(server))
                {
                    await connection.OpenAsync();
                    await using var command = new NpgsqlCommand($"CREATE DATABASE {name}", connection);
                    await command.ExecuteNonQueryAsync();
                }

                var pg = new NpgsqlConnectionStringBuilder(server) { Database = name };
                return new LoadDatabase(options.Engine, pg.ToString(), name, server, null);
            default:
                throw new ArgumentOutOfRangeException(nameof(options), options.Engine, "The load harness runs on sqlite or postgres.");
        }
    }

    public async ValueTask DisposeAsync()
    {
        if (Engine == DatabaseEngine.Sqlite)
        {
            SqliteConnection.ClearAllPools();
            if (_sqliteFolder is not null && Directory.Exists(_sqliteFolder))
            {
                Directory.Delete(_sqliteFolder, recursive: true);
            }

            return;
        }

        NpgsqlConnection.ClearAllPools();
        await using var connection = new NpgsqlConnection(_serverConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_name} WITH (FORCE)", connection);
        await command.ExecuteNonQueryAsync();
    }
}
