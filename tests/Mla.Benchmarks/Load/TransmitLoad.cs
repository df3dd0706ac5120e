using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Runtime.InteropServices;
using static System.FormattableString;

namespace Mla.Benchmarks.Load;

/// <summary>
/// <c>load-transmit</c>: N drafts of Mali transmitted by C concurrent clients over HTTP, once per client
/// count, each on a fresh database and a freshly started API (see <see cref="LoadOptions.Usage"/>).
/// </summary>
public static class TransmitLoad
{
    public const string Verb = "load-transmit";

    private const string RequestingState = "MLI";
    private const string RequestedState = "SEN";
    private const int CreatingClients = 4;
    private const int JitWarmupClients = 4;

    public static async Task<int> RunAsync(string[] args)
    {
        if (args.Contains("--help") || args.Contains("-h"))
        {
            Console.WriteLine(LoadOptions.Usage);
            return 0;
        }

        LoadOptions options;
        try
        {
            options = LoadOptions.Parse(args);
        }
        catch (ArgumentException exception)
        {
            await Console.Error.WriteLineAsync(exception.Message);
            await Console.Error.WriteLineAsync(LoadOptions.Usage);
            return 2;
        }

        Console.WriteLine($"{Verb}: {options.Engine}, {options.Requests} transmissions per run, clients {string.Join(',', options.Clients)}, " +
            $"readers {options.Readers}, JIT warm-up {options.JitWarmup}, warm-up {options.Warmup}{(options.Label.Length > 0 ? $", label {options.Label}" : "")}");
        Console.WriteLine($"Machine: {Environment.ProcessorCount} logical cores, {RuntimeInformation.OSDescription}, .NET {Environment.Version}, " +
            $"server GC {System.Runtime.GCSettings.IsServerGC}; load average now {LoadAverage()}");

        if (options.MinThreads > 0)
        {
            ThreadPool.GetMinThreads(out _, out var completionPorts);
            ThreadPool.SetMinThreads(options.MinThreads, Math.Max(completionPorts, options.MinThreads));
        }

        ThreadPool.GetMinThreads(out var minWorkers, out _);
        Console.WriteLine($"Thread pool minimum: {minWorkers} worker threads");

        // WebApplicationFactory finds the API's content root through MvcTestingAppManifest.json in the current
        // directory, which a test runner sets to the output folder and `dotnet run` does not.
        Directory.SetCurrentDirectory(AppContext.BaseDirectory);
        var results = new List<RunResult>();
        if (options.JitWarmup > 0)
        {
            // Tiered compilation optimises a method only after it ran a while; in a fresh process the first
            // few hundred transmissions cost about twice the CPU of later ones.
            var warmup = await RunOnceAsync(options with { Requests = options.JitWarmup }, JitWarmupClients);
            Console.WriteLine($"JIT warm-up, discarded: {warmup.Line()}");
            if (!warmup.Passed)
            {
                results.Add(warmup);
            }
        }

        foreach (var clients in options.Clients)
        {
            var result = await RunOnceAsync(options, clients);
            results.Add(result);
            Console.WriteLine(result.Line());
        }

        Console.WriteLine();
        Console.WriteLine(RunResult.Table(results, options.Readers > 0));
        var failed = results.Where(result => !result.Passed).ToList();
        if (failed.Count > 0)
        {
            await Console.Error.WriteLineAsync($"FAILED: {failed.Count} run(s) had 412, 5xx or other errors, or reference numbers other than exactly 1..N.");
            return 1;
        }

        return 0;
    }

    private static async Task<RunResult> RunOnceAsync(LoadOptions options, int clientCount)
    {
        await using var database = await LoadDatabase.CreateAsync(options);
        await using var host = new LoadHost(database);
        host.StartServer();
        await host.CreateCentralAuthorityAsync("mli.ca", RequestingState);
        await host.CreateCentralAuthorityAsync("sen.ca", RequestedState);
        // Mali's central authority, as many clients as asked, all in the same State: they share its counter.
        var transmitters = new List<LoadClient>();
        var readers = new List<LoadClient>();
        using var senegal = await LoadClient.SignInAsync(host, "sen.ca");
        try
        {
            for (var i = 0; i < clientCount; i++)
            {
                transmitters.Add(await LoadClient.SignInAsync(host, "mli.ca"));
            }

            for (var i = 0; i < options.Readers; i++)
            {
                readers.Add(await LoadClient.SignInAsync(host, "mli.ca"));
            }

            // Dated as Mali's users see today (UTC); before issue 8, "today" was UTC+1: do not run between 23:00 and 24:00 UTC.
            var today = DateOnly.FromDateTime(DateTime.UtcNow);

            // Warm-up: Senegal's requests to Mali, on Senegal's counter, so JIT, pools and font caches are warm
            // and Mali's numbers still start at 1.
            var warmupDrafts = await CreateDraftsAsync([senegal], options.Warmup, requestedState: RequestingState);
            await TransmitAllAsync([.. Enumerable.Repeat(senegal, Math.Min(clientCount, CreatingClients))], warmupDrafts, today);

            var drafts = await CreateDraftsAsync([.. transmitters.Take(CreatingClients)], options.Requests, RequestedState);
            var loadBefore = LoadAverage();
            host.Renders.Reset();
            using var stopReading = new CancellationTokenSource();
            var reading = readers.Select(reader => ReadLoopAsync(reader, drafts, stopReading.Token)).ToList();
            var cpuBefore = Environment.CpuUsage.TotalTime;
            var threadPool = new ThreadPoolSampler();
            var stopwatch = Stopwatch.StartNew();
            var outcomes = await TransmitAllAsync(transmitters, drafts, today);
            stopwatch.Stop();
            await threadPool.DisposeAsync();
            var cpu = Environment.CpuUsage.TotalTime - cpuBefore;
            await stopReading.CancelAsync();
            var reads = (await Task.WhenAll(reading)).SelectMany(list => list).ToList();
            var renders = RenderCounter.Available ? host.Renders.Count : (long?)null;
            var result = new RunResult(options, clientCount, stopwatch.Elapsed, cpu, threadPool, outcomes, reads, renders, loadBefore, LoadAverage());
            foreach (var error in outcomes.Concat(reads).Where(outcome => outcome.Error is not null).Take(5))
            {
                await Console.Error.WriteLineAsync($"  {(int)error.Status}: {error.Error}");
            }

            return result;
        }
        finally
        {
            foreach (var client in transmitters.Concat(readers))
            {
                client.Dispose();
            }
        }
    }

    private static async Task<IReadOnlyList<Draft>> CreateDraftsAsync(IReadOnlyList<LoadClient> clients, int count, string requestedState)
    {
        var drafts = new Draft[count];
        var next = -1;
        await Task.WhenAll(clients.Select(async client =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < count)
            {
                drafts[i] = await client.CreateDraftAsync(requestedState);
            }
        }));
        return drafts;
    }

    /// <summary>Each client takes the next draft as soon as its previous transmission is answered (a closed loop).</summary>
    private static async Task<IReadOnlyList<CallOutcome>> TransmitAllAsync(IReadOnlyList<LoadClient> clients, IReadOnlyList<Draft> drafts, DateOnly occurredOn)
    {
        var outcomes = new CallOutcome[drafts.Count];
        var next = -1;
        await Task.WhenAll(clients.Select(async client =>
        {
            int i;
            while ((i = Interlocked.Increment(ref next)) < drafts.Count)
            {
                outcomes[i] = await client.TransmitAsync(drafts[i], occurredOn);
            }
        }));
        return outcomes;
    }

    private static async Task<List<CallOutcome>> ReadLoopAsync(LoadClient reader, IReadOnlyList<Draft> drafts, CancellationToken stop)
    {
        var outcomes = new List<CallOutcome>();
        try
        {
            while (!stop.IsCancellationRequested)
            {
                outcomes.Add(await reader.ReadAsync(drafts[Random.Shared.Next(drafts.Count)].Id, stop));
            }
        }
        catch (OperationCanceledException) when (stop.IsCancellationRequested)
        {
            // The read in flight when the transmissions ended is not counted.
        }

        return outcomes;
    }

    /// <summary>The 1-minute load average (Linux), to show how busy the shared machine was around a run.</summary>
    private static string LoadAverage()
    {
        const string LoadAverageFile = "/proc/loadavg";
        return File.Exists(LoadAverageFile) ? File.ReadAllText(LoadAverageFile).Split(' ')[0] : "n/a";
    }

    /// <summary>What one run measured, and whether its answers were all correct.</summary>
    private sealed record RunResult(
        LoadOptions Options,
        int Clients,
        TimeSpan Elapsed,
        TimeSpan ProcessorTime,
        ThreadPoolSampler ThreadPool,
        IReadOnlyList<CallOutcome> Transmissions,
        IReadOnlyList<CallOutcome> Reads,
        long? Renders,
        string LoadBefore,
        string LoadAfter)
    {
        private Latencies TransmitLatencies { get; } = new(Transmissions.Select(outcome => outcome.Milliseconds));

        private Latencies ReadLatencies { get; } = new(Reads.Select(outcome => outcome.Milliseconds));

        private int PreconditionFailed => Transmissions.Count(outcome => outcome.Status == HttpStatusCode.PreconditionFailed);

        private int ServerErrors => Transmissions.Concat(Reads).Count(outcome => (int)outcome.Status >= 500);

        private int OtherErrors => Transmissions.Concat(Reads).Count(outcome =>
            outcome.Status != HttpStatusCode.OK && outcome.Status != HttpStatusCode.PreconditionFailed && (int)outcome.Status < 500);

        private double PerSecond => Transmissions.Count / Elapsed.TotalSeconds;

        private double ReadsPerSecond => Reads.Count / Elapsed.TotalSeconds;

        /// <summary>CPU time of this process (API and clients; PostgreSQL's own processes excluded) per transmission.</summary>
        private double ProcessorMillisecondsPerTransmission => ProcessorTime.TotalMilliseconds / Transmissions.Count;

        public bool Passed => PreconditionFailed == 0 && ServerErrors == 0 && OtherErrors == 0 && ReferenceCheck == "1..N";

        /// <summary>"1..N" when the numbers given are exactly MLI/MLA/{year}/1 to N; otherwise what is wrong.</summary>
        private string ReferenceCheck
        {
            get
            {
                var given = Transmissions.Where(outcome => outcome.ReferenceNumber is not null).Select(outcome => outcome.ReferenceNumber!).ToList();
                var foreign = given.Count(number => !number.StartsWith($"{RequestingState}/MLA/", StringComparison.Ordinal));
                var sequences = given.Select(number => int.Parse(number[(number.LastIndexOf('/') + 1)..], CultureInfo.InvariantCulture)).ToList();
                var duplicates = sequences.Count - sequences.Distinct().Count();
                var missing = Enumerable.Range(1, Transmissions.Count).Except(sequences).Count();
                return foreign == 0 && duplicates == 0 && missing == 0 && sequences.Count == Transmissions.Count
                    ? "1..N"
                    : $"{missing} missing, {duplicates} duplicated, {foreign} foreign";
            }
        }

        private string RendersPerTransmission => Renders is { } count
            ? (count / (double)Transmissions.Count).ToString("0.00", CultureInfo.InvariantCulture)
            : "n/a";

        public string Line() =>
            Invariant($"{Options.Label} {Options.Engine} clients={Clients}: {PerSecond:0.0} transmissions/s, p50 {TransmitLatencies.P50:0} ms, ") +
            Invariant($"p95 {TransmitLatencies.P95:0} ms, max {TransmitLatencies.Max:0} ms, 412: {PreconditionFailed}, 5xx: {ServerErrors}, ") +
            Invariant($"other: {OtherErrors}, references {ReferenceCheck}, renders/transmission {RendersPerTransmission}, CPU {ProcessorMillisecondsPerTransmission:0} ms/transmission, pool threads max {ThreadPool.MaxThreads}, queued max {ThreadPool.MaxQueued}") +
            (Reads.Count > 0 ? Invariant($", reads {ReadsPerSecond:0.0}/s p50 {ReadLatencies.P50:0} ms p95 {ReadLatencies.P95:0} ms max {ReadLatencies.Max:0} ms") : "") +
            $", load average {LoadBefore} -> {LoadAfter}";

        public static string Table(IReadOnlyList<RunResult> results, bool withReads)
        {
            var header = "| Code | Engine | Clients | Transmissions/s | p50 ms | p95 ms | max ms | 412 | 5xx | Other | References | Renders/transmission | CPU ms/transmission | Pool threads max | Queued max |";
            var rule = "|---|---|---:|---:|---:|---:|---:|---:|---:|---:|---|---:|---:|---:|---:|";
            if (withReads)
            {
                header += " Readers | Reads/s | Read p50 ms | Read p95 ms | Read max ms |";
                rule += "---:|---:|---:|---:|---:|";
            }

            header += " Load avg (start→end) |";
            rule += "---|";
            var rows = results.Select(result =>
                Invariant($"| {result.Options.Label} | {result.Options.Engine} | {result.Clients} | {result.PerSecond:0.0} | {result.TransmitLatencies.P50:0} | ") +
                Invariant($"{result.TransmitLatencies.P95:0} | {result.TransmitLatencies.Max:0} | {result.PreconditionFailed} | {result.ServerErrors} | ") +
                Invariant($"{result.OtherErrors} | {result.ReferenceCheck} | {result.RendersPerTransmission} | {result.ProcessorMillisecondsPerTransmission:0} | {result.ThreadPool.MaxThreads} | {result.ThreadPool.MaxQueued} |") +
                (withReads
                    ? Invariant($" {result.Options.Readers} | {result.ReadsPerSecond:0.0} | {result.ReadLatencies.P50:0} | {result.ReadLatencies.P95:0} | {result.ReadLatencies.Max:0} |")
                    : "") +
                $" {result.LoadBefore}→{result.LoadAfter} |");
            return string.Join(Environment.NewLine, [header, rule, .. rows]);
        }
    }
}
