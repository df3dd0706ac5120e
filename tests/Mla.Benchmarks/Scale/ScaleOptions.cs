using System.Globalization;
using Mla.Api.Infrastructure.Data;
using Mla.Benchmarks.Load;

namespace Mla.Benchmarks.Scale;

/// <summary>The options of <c>search-scale</c> (see <see cref="SearchScale.Usage"/>).</summary>
public sealed record ScaleOptions
{
    public DatabaseEngine Engine { get; init; } = DatabaseEngine.Sqlite;

    public IReadOnlyList<int> Sizes { get; init; } = [10_000, 100_000, 1_000_000];

    public int Runs { get; init; } = 200;

    public int JobRuns { get; init; } = 12;

    public int Seed { get; init; } = 1;

    public string SqliteFile { get; init; } = "/tmp/mla-scale/mla.db";

    public string? PostgresConnectionString { get; init; }

    public string Database { get; init; } = "mla_scale";

    /// <summary>Reads the arguments after the verb; throws <see cref="ArgumentException"/> with a readable message.</summary>
    public static ScaleOptions Parse(IReadOnlyList<string> args)
    {
        var options = new ScaleOptions { PostgresConnectionString = Environment.GetEnvironmentVariable(LoadOptions.PostgresVariable) };
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--engine" => options with
                {
                    Engine = Value().ToLowerInvariant() switch
                    {
                        "sqlite" => DatabaseEngine.Sqlite,
                        "postgres" or "postgresql" => DatabaseEngine.Postgres,
                        var other => throw new ArgumentException($"--engine must be sqlite or postgres, not {other}."),
                    },
                },
                "--sizes" => options with { Sizes = [.. Value().Split(',', StringSplitOptions.TrimEntries).Select(s => Positive(name, s)).Order()] },
                "--runs" => options with { Runs = Positive(name, Value()) },
                "--job-runs" => options with { JobRuns = Positive(name, Value()) },
                "--seed" => options with { Seed = Positive(name, Value()) },
                "--sqlite" => options with { SqliteFile = Value() },
                "--postgres" => options with { PostgresConnectionString = Value() },
                "--database" => options with { Database = Value() },
                _ => throw new ArgumentException($"Unknown option {name}."),
            };
        }

        if (options.Engine == DatabaseEngine.Postgres && string.IsNullOrWhiteSpace(options.PostgresConnectionString))
        {
            throw new ArgumentException($"PostgreSQL needs a server connection string: --postgres or {LoadOptions.PostgresVariable}.");
        }

        return options;
    }

    private static int Positive(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"{name} must be a positive integer, not {value}.");
}
