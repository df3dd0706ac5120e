using System.Globalization;
using Mla.Api.Infrastructure.Data;

namespace Mla.Benchmarks.Load;

/// <summary>The options of <c>load-transmit</c>; <see cref="Usage"/> says what each one means.</summary>
public sealed record LoadOptions
{
    /// <summary>Where the PostgreSQL server's connection string is read when <c>--postgres</c> is not given.</summary>
    public const string PostgresVariable = "MLA_LOAD_POSTGRES";

    public const string Usage = $"""
        Usage: dotnet run -c Release --project tests/Mla.Benchmarks -- load-transmit [options]

        Starts the Mla API in process on Kestrel (loopback HTTP), on a fresh database per client count,
        creates --requests complete MLA drafts of Mali, then transmits them all with C concurrent clients.
        Prints transmissions/s, latency p50/p95/max, 412 and 5xx counts (must be 0), whether the reference
        numbers given are exactly 1..N, how many times the PDF was rendered per transmission, the CPU time
        of this process per transmission (the API and its clients; not PostgreSQL's processes, and with
        the readers' share in mixed mode), and the machine's load average around each run.

          --engine sqlite|postgres   Database engine (default sqlite).
          --requests N               Drafts transmitted per run (default 400).
          --clients 1,4,16,32        Concurrent transmitting clients, one run per value (default 1,4,16,32).
          --readers R                Mixed mode: R more clients GET a request by id in a loop while the
                                     transmissions run; their throughput and latency are reported (default 0).
          --jit-warmup J             A first run of J transmissions with 4 clients, reported and discarded,
                                     so tiered compilation has optimised the hot code before any measured
                                     run (default 300; 0 to skip).
          --warmup W                 Transmissions of another State before each measured run, in the
                                     freshly started API (default 20).
          --postgres CONNECTION      Server connection string (PostgreSQL); default: ${PostgresVariable}.
                                     A database is created in it for each run and dropped after it.
          --label TEXT               A label for the rows, e.g. new or old (default: none).
          --min-threads T            Diagnosis: raise the thread pool's minimum to T threads (default: .NET's,
                                     the core count), to tell waiting for a thread from waiting for a lock.
        """;

    public DatabaseEngine Engine { get; init; } = DatabaseEngine.Sqlite;

    public int Requests { get; init; } = 400;

    public IReadOnlyList<int> Clients { get; init; } = [1, 4, 16, 32];

    public int Readers { get; init; }

    public int JitWarmup { get; init; } = 300;

    public int Warmup { get; init; } = 20;

    public string? PostgresConnectionString { get; init; }

    public string Label { get; init; } = "";

    public int MinThreads { get; init; }

    /// <summary>Reads the arguments after the verb; throws <see cref="ArgumentException"/> with a readable message.</summary>
    public static LoadOptions Parse(IReadOnlyList<string> args)
    {
        var options = new LoadOptions { PostgresConnectionString = Environment.GetEnvironmentVariable(PostgresVariable) };
        for (var i = 0; i < args.Count; i++)
        {
            var name = args[i];
            string Value() => i + 1 < args.Count ? args[++i] : throw new ArgumentException($"{name} needs a value.");
            options = name switch
            {
                "--engine" => options with { Engine = ParseEngine(Value()) },
                "--requests" => options with { Requests = PositiveInteger(name, Value()) },
                "--clients" => options with { Clients = [.. Value().Split(',', StringSplitOptions.TrimEntries).Select(c => PositiveInteger(name, c))] },
                "--readers" => options with { Readers = NonNegativeInteger(name, Value()) },
                "--jit-warmup" => options with { JitWarmup = NonNegativeInteger(name, Value()) },
                "--warmup" => options with { Warmup = NonNegativeInteger(name, Value()) },
                "--postgres" => options with { PostgresConnectionString = Value() },
                "--label" => options with { Label = Value() },
                "--min-threads" => options with { MinThreads = PositiveInteger(name, Value()) },
                _ => throw new ArgumentException($"Unknown option {name}."),
            };
        }

        if (options.Engine == DatabaseEngine.Postgres && string.IsNullOrWhiteSpace(options.PostgresConnectionString))
        {
            throw new ArgumentException($"PostgreSQL needs a server connection string: --postgres or {PostgresVariable}.");
        }

        return options;
    }

    private static DatabaseEngine ParseEngine(string value) => value.ToLowerInvariant() switch
    {
        "sqlite" => DatabaseEngine.Sqlite,
        "postgres" or "postgresql" => DatabaseEngine.Postgres,
        _ => throw new ArgumentException($"--engine must be sqlite or postgres, not {value}."),
    };

    private static int PositiveInteger(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number) && number > 0
            ? number
            : throw new ArgumentException($"{name} must be a positive integer, not {value}.");

    private static int NonNegativeInteger(string name, string value) =>
        int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var number)
            ? number
            : throw new ArgumentException($"{name} must be a whole number, not {value}.");
}
