using System.Diagnostics;
using System.Globalization;
using System.Net;
using Dapper;
using Mediator;
using Microsoft.Data.Sqlite;
using Microsoft.Extensions.DependencyInjection;
using Mla.Api.Features.Admin;
using Mla.Api.Features.Requests;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Infrastructure.Synthetic;
using Mla.Benchmarks.Load;
using Npgsql;

namespace Mla.Benchmarks.Scale;

/// <summary>
/// <c>search-scale</c>: reads at 10,000, 100,000 and 1,000,000 requests. Seeds one database with
/// synthetic requests (the <c>seed-synthetic</c> code) up to each size in turn, then measures over HTTP
/// (the real API on Kestrel, as <see cref="LoadHost"/> serves it) the typical reads of case workers of
/// several States and roles, one call at a time, and prints p50/p95/max per query and size. The database
/// is kept (SQLite file, or PostgreSQL database), so a second run measures again without seeding.
/// </summary>
public static class SearchScale
{
    public const string Verb = "search-scale";

    public const string Usage = """
        search-scale: seed synthetic requests and measure typical reads at each size
          --engine sqlite|postgres   (default sqlite)
          --sizes 10000,100000,1000000
          --runs N                   measured calls per query and size (default 200), after 20 warm-up calls
          --job-runs N               measured runs of each background job per size (default 12), after one warm-up run
          --seed S                   synthetic data seed (default 1)
          --sqlite FILE              SQLite database, kept (default /tmp/mla-scale/mla.db)
          --postgres CONNECTION      PostgreSQL server (or MLA_LOAD_POSTGRES); database --database (default mla_scale), kept
          --database NAME
        """;

    /// <summary>Case workers of several States and roles: each query runs as each in turn.</summary>
    private static readonly (string Username, string Role, string State)[] Users =
    [
        ("mli.ca", "central-authority", "MLI"), ("sen.fp", "focal-point", "SEN"), ("ner.pros", "prosecutor", "NER"),
        ("nga.ca", "central-authority", "NGA"), ("civ.fp", "focal-point", "CIV"), ("tcd.ca", "central-authority", "TCD"),
    ];

    public static async Task<int> RunAsync(string[] args)
    {
        ScaleOptions options;
        try
        {
            options = ScaleOptions.Parse(args);
        }
        catch (ArgumentException invalid)
        {
            await Console.Error.WriteLineAsync($"{invalid.Message}{Environment.NewLine}{Usage}");
            return 2;
        }

        var connectionString = await PrepareDatabaseAsync(options);
        // WebApplicationFactory finds the API's content root through MvcTestingAppManifest.json in the current directory.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        await using var host = new LoadHost(options.Engine, connectionString);
        host.StartServer();
        await EnsureUsersAsync(host);
        var clients = new List<(string State, LoadClient Client)>();
        foreach (var (username, _, state) in Users)
        {
            clients.Add((state, await LoadClient.SignInAsync(host, username)));
        }

        var dialect = host.Services.GetRequiredService<ISqlDialect>();
        var databaseOptions = host.Services.GetRequiredService<DatabaseOptions>();
        var asOf = DateOnly.FromDateTime(DateTime.UtcNow);
        Console.WriteLine($"engine {options.Engine}, database {Describe(options, connectionString)}, {Environment.ProcessorCount} cores, load average {LoadAverage()}");
        Console.WriteLine("| engine | requests | query | p50 ms | p95 ms | max ms | calls | non-200 | rows (first user) |");
        Console.WriteLine("|---|---:|---|---:|---:|---:|---:|---:|---:|");
        foreach (var size in options.Sizes)
        {
            var existing = await CountAsync(dialect, databaseOptions.ConnectionString);
            if (existing < size)
            {
                var seeder = new SyntheticSeeder(databaseOptions, dialect, host.Services.GetRequiredService<IDeadlineFigures>());
                var report = await seeder.SeedAsync(size - (int)existing, options.Seed, asOf, 10_000, Console.Error.WriteLine, CancellationToken.None);
                await Console.Error.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                    $"seeded {report.Requests} request(s) ({report.Events} events) up to {size} in {report.Elapsed.TotalSeconds:F0} s, load average {LoadAverage()}"));
            }

            var total = await CountAsync(dialect, databaseOptions.ConnectionString);
            var ids = await VisibleIdsAsync(dialect, databaseOptions.ConnectionString, [.. Users.Select(u => u.State)]);
            foreach (var query in ScaleQueries.All)
            {
                var (latencies, failures, rows) = await MeasureAsync(query, clients, ids, options.Runs);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {options.Engine} | {total:N0} | {query.Name} | {latencies.P50:F1} | {latencies.P95:F1} | {latencies.Max:F1} | {latencies.Count} | {failures} | {rows} |"));
            }

            foreach (var (name, latencies, rows) in await ScaleJobs.MeasureAsync(
                host.Services, dialect, databaseOptions.ConnectionString, [.. Users.Select(u => u.State)], asOf, options.JobRuns))
            {
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"| {options.Engine} | {total:N0} | {name} | {latencies.P50:F1} | {latencies.P95:F1} | {latencies.Max:F1} | {latencies.Count} | 0 | {rows} |"));
            }

            await Console.Error.WriteLineAsync($"measured at {total} request(s), load average {LoadAverage()}");
        }

        foreach (var (_, client) in clients)
        {
            client.Dispose();
        }

        return 0;
    }

    private static async Task<(Latencies Latencies, int Failures, string Rows)> MeasureAsync(
        ScaleQuery query, List<(string State, LoadClient Client)> clients, Dictionary<string, Guid[]> ids, int runs)
    {
        var random = new Random(17);
        List<double> measured = new(runs);
        var failures = 0;
        var rows = "";
        for (var i = -20; i < runs; i++)
        {
            var (state, client) = clients[(i + 20) % clients.Count];
            var visible = ids[state];
            var path = query.Path(state, visible.Length == 0 ? Guid.Empty : visible[random.Next(visible.Length)]);
            var (status, milliseconds, body) = await client.GetAsync(path);
            if (i < 0)
            {
                continue;
            }

            measured.Add(milliseconds);
            if (status != HttpStatusCode.OK)
            {
                failures++;
                if (failures == 1)
                {
                    await Console.Error.WriteLineAsync($"{query.Name}: {(int)status} {body[..Math.Min(300, body.Length)]}");
                }
            }
            else if (i == 0)
            {
                rows = ScaleQueries.Describe(body);
            }
        }

        return (new Latencies(measured), failures, rows);
    }

    private static async Task<string> PrepareDatabaseAsync(ScaleOptions options)
    {
        if (options.Engine == DatabaseEngine.Sqlite)
        {
            Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(options.SqliteFile))!);
            return new SqliteConnectionStringBuilder { DataSource = options.SqliteFile }.ToString();
        }

        await using var connection = new NpgsqlConnection(options.PostgresConnectionString);
        await connection.OpenAsync();
        if (await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM pg_database WHERE datname = @name", new { name = options.Database }) == 0)
        {
            await connection.ExecuteAsync($"CREATE DATABASE {options.Database}");
        }

        return new NpgsqlConnectionStringBuilder(options.PostgresConnectionString) { Database = options.Database }.ToString();
    }

    private static async Task EnsureUsersAsync(LoadHost host)
    {
        var options = host.Services.GetRequiredService<DatabaseOptions>();
        await using var connection = host.Services.GetRequiredService<ISqlDialect>().CreateConnection(options.ConnectionString);
        await connection.OpenAsync();
        foreach (var (username, role, state) in Users)
        {
            if (await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM users WHERE username = @username", new { username }) > 0)
            {
                continue;
            }

            await using var scope = host.Services.CreateAsyncScope();
            await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CreateUserCommand
            {
                Username = username,
                DisplayName = $"Scale user {username}",
                Password = LoadHost.Password,
                Role = role,
                State = state,
                FunctionTitle = role,
            });
        }
    }

    private static async Task<long> CountAsync(ISqlDialect dialect, string connectionString)
    {
        await using var connection = dialect.CreateConnection(connectionString);
        await connection.OpenAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM requests");
    }

    // A sample of the requests each State sees, for reads by id.
    private static async Task<Dictionary<string, Guid[]>> VisibleIdsAsync(ISqlDialect dialect, string connectionString, string[] states)
    {
        await using var connection = dialect.CreateConnection(connectionString);
        await connection.OpenAsync();
        var ids = new Dictionary<string, Guid[]>(StringComparer.Ordinal);
        foreach (var state in states)
        {
            var sample = await connection.QueryAsync<Guid>(
                $"SELECT id FROM requests WHERE requested_state = @state AND status <> 'draft' ORDER BY id {dialect.Paging()}",
                new { state, offset = 0, limit = 500 });
            ids[state] = [.. sample];
        }

        return ids;
    }

    private static string Describe(ScaleOptions options, string connectionString) =>
        options.Engine == DatabaseEngine.Sqlite ? options.SqliteFile : new NpgsqlConnectionStringBuilder(connectionString).Database ?? "";

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";
}

/// <summary>A timed GET, from send to the last byte of the answer.</summary>
public static class TimedGet
{
    public static async Task<(HttpStatusCode Status, double Milliseconds, string Body)> GetAsync(this LoadClient client, string path)
    {
        var started = Stopwatch.GetTimestamp();
        var (status, body) = await client.GetTextAsync(path);
        return (status, Stopwatch.GetElapsedTime(started).TotalMilliseconds, body);
    }
}
