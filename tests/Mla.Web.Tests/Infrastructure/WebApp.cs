using System.Security.Cryptography;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Mla.Web.Tests.Infrastructure;

/// <summary>
/// The real application on a real Kestrel port (a browser cannot reach WebApplicationFactory's in-memory
/// server), on a fresh database of one engine, with the demo accounts and requests seeded.
/// </summary>
public sealed class WebApp : WebApplicationFactory<Program>
{
    private readonly string _engine;
    private readonly string _connectionString;
    private readonly string _folder;
    private readonly string? _postgresDatabase;
    private readonly string? _postgresAdmin;

    private WebApp(string engine, string connectionString, string folder, string? postgresDatabase, string? postgresAdmin)
    {
        (_engine, _connectionString, _folder, _postgresDatabase, _postgresAdmin) = (engine, connectionString, folder, postgresDatabase, postgresAdmin);
    }

    public Uri BaseAddress { get; private set; } = null!;

    public string Engine => _engine;

    /// <summary>The application's clock in place of the system's (a test that moves time), or null.</summary>
    private TimeProvider? _clock;

    /// <summary>Settings given on top of the tests' own (<c>Pages:IdleTimeout</c>...).</summary>
    private IReadOnlyDictionary<string, string>? _settings;

    public static WebApp StartSqlite() => StartSqlite(clock: null, settings: null);

    /// <summary>An application of its own on SQLite, on <paramref name="clock"/> and with <paramref name="settings"/>.</summary>
    public static WebApp StartSqlite(TimeProvider? clock, IReadOnlyDictionary<string, string>? settings)
    {
        var folder = Directory.CreateTempSubdirectory("mla-web-").FullName;
        return Start(new WebApp("sqlite", $"Data Source={Path.Combine(folder, "mla.db")}", folder, null, null) { _clock = clock, _settings = settings });
    }

    /// <summary>On a new database of the PostgreSQL server named by MLA_TEST_POSTGRES, or null when none is given.</summary>
    public static WebApp? StartPostgres()
    {
        var admin = Environment.GetEnvironmentVariable("MLA_TEST_POSTGRES");
        if (string.IsNullOrWhiteSpace(admin))
        {
            return null;
        }

        var database = $"mla_web_{Guid.NewGuid():N}";
        using (var connection = new NpgsqlConnection(admin))
        {
            connection.Open();
            using var create = new NpgsqlCommand($"CREATE DATABASE {database}", connection);
            create.ExecuteNonQuery();
        }

        var connectionString = new NpgsqlConnectionStringBuilder(admin) { Database = database }.ConnectionString;
        return Start(new WebApp("postgres", connectionString, Directory.CreateTempSubdirectory("mla-web-").FullName, database, admin));
    }

    private static WebApp Start(WebApp app)
    {
        app.UseKestrel(0);
        app.StartServer();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        app.BaseAddress = new Uri(address.Replace("[::]", "127.0.0.1", StringComparison.Ordinal).Replace("0.0.0.0", "127.0.0.1", StringComparison.Ordinal).Replace("localhost", "127.0.0.1", StringComparison.Ordinal));
        return app;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Demo:Seed", "true");
        builder.UseSetting("Database:Engine", _engine);
        builder.UseSetting("ConnectionStrings:Mla", _connectionString);
        builder.UseSetting("Database:MigrateAtStartup", "true");
        builder.UseSetting("Audit:CheckpointFolder", Path.Combine(_folder, "checkpoints"));
        builder.UseSetting("Authentication:SigningKey", Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)));
        // Every browser context signs in from 127.0.0.1: the per-address limit is for the real world.
        builder.UseSetting("Authentication:TokenRequestsPerMinute", "100000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        foreach (var (key, value) in _settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        if (_clock is { } clock)
        {
            builder.ConfigureTestServices(services => services.AddSingleton(clock));
        }
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        if (_postgresDatabase is not null)
        {
            NpgsqlConnection.ClearAllPools();
            await using var connection = new NpgsqlConnection(_postgresAdmin);
            await connection.OpenAsync();
            await using var drop = new NpgsqlCommand($"DROP DATABASE IF EXISTS {_postgresDatabase} WITH (FORCE)", connection);
            await drop.ExecuteNonQueryAsync();
        }

        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open by the engine: the temp folder is cleaned by the system.
        }

        GC.SuppressFinalize(this);
    }
}
