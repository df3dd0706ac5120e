using System.Diagnostics;
using System.Globalization;
using Dapper;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Mla.Api.Features.Notifications;
using Mla.Api.Features.Progress;
using Mla.Api.Infrastructure.Data;
using Mla.Benchmarks.Load;

namespace Mla.Benchmarks.Scale;

/// <summary>
/// The background work whose cost grows with the register, measured beside the reads: sent through the
/// mediator in a scope of their own, as the service's hosted workers send them.
/// </summary>
public static class ScaleJobs
{
    /// <summary>
    /// The progress backfill's scan at start-up (<see cref="ProgressBackfill"/>, every instance runs it each
    /// time it starts): its first batch, which on a register where every request has its derived rows
    /// finds none and so reads the whole table to say so.
    /// </summary>
    public const string BackfillScan = "job: progress backfill, start-up scan (first batch)";

    /// <summary>
    /// One State's morning digest (<see cref="WriteOverdueDigestCommand"/>): the deadlines overdue on the
    /// requests the State sees, less those its digests told, then remembered. A State's first digest remembers
    /// its whole backlog; the next days' find what became overdue since.
    /// </summary>
    public const string OverdueDigest = "job: overdue digest of a State (a new day each call)";

    /// <summary>Measures each job <paramref name="runs"/> times after one warm-up call; answers a report row per job.</summary>
    public static async Task<IReadOnlyList<(string Name, Latencies Latencies, string Rows)>> MeasureAsync(
        IServiceProvider services, ISqlDialect dialect, string connectionString, IReadOnlyList<string> states, DateOnly asOf, int runs)
    {
        List<double> backfill = [];
        var examined = 0;
        for (var i = -1; i < runs; i++)
        {
            var (milliseconds, batch) = await TimedAsync(services, new BackfillProgressCommand(Guid.Empty, ProgressBackfill.BatchSize));
            if (i >= 0)
            {
                backfill.Add(milliseconds);
                examined = batch.Examined;
            }
        }

        // A digest is written once per State and day: each call takes a day no earlier run of the benchmark
        // took, or it would stop at its claim and measure nothing.
        var day = await NextFreeDayAsync(dialect, connectionString, asOf);
        List<double> digests = [];
        var written = 0;
        for (var i = -1; i < runs; i++)
        {
            var state = states[(i + 1) % states.Count];
            var (milliseconds, emails) = await TimedAsync(services, new WriteOverdueDigestCommand(state, day));
            day = day.AddDays(1);
            if (i >= 0)
            {
                digests.Add(milliseconds);
                written += emails;
            }
        }

        return
        [
            (BackfillScan, new Latencies(backfill), string.Create(CultureInfo.InvariantCulture, $"{examined} request(s) to backfill")),
            (OverdueDigest, new Latencies(digests), string.Create(CultureInfo.InvariantCulture, $"{written} e-mail(s) written")),
        ];
    }

    private static async Task<(double Milliseconds, T Result)> TimedAsync<T>(IServiceProvider services, ICommand<T> command)
    {
        await using var scope = services.CreateAsyncScope();
        var sender = scope.ServiceProvider.GetRequiredService<ISender>();
        var started = Stopwatch.GetTimestamp();
        var result = await sender.Send(command);
        return (Stopwatch.GetElapsedTime(started).TotalMilliseconds, result);
    }

    private static async Task<DateOnly> NextFreeDayAsync(ISqlDialect dialect, string connectionString, DateOnly asOf)
    {
        await using var connection = dialect.CreateConnection(connectionString);
        await connection.OpenAsync();
        var last = await connection.ExecuteScalarAsync<DateOnly?>("SELECT MAX(digest_on) FROM overdue_digests");
        return last is { } taken && taken >= asOf ? taken.AddDays(1) : asOf;
    }
}
