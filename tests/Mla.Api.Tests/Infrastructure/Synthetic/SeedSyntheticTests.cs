using System.Globalization;
using System.Net.Http.Json;
using Dapper;
using Mla.Api.Features.Requests;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Infrastructure.Hosting;
using Mla.Api.Infrastructure.Synthetic;
using Mla.Api.Tests.Features.Requests;
using Mla.Domain;
using Mla.Domain.Requests;

namespace Mla.Api.Tests.Infrastructure.Synthetic;

/// <summary>The <c>seed-synthetic</c> verb, run in process against the test database as the executable runs it.</summary>
public sealed class SeedSyntheticTests(DatabaseEngine engine) : RequestTest(engine)
{
    [Test]
    public async Task SeedSynthetic_SmallRun_EveryRequestVerifiesInVerifyAudit()
    {
        var (seeded, output) = await SeedAsync("--requests", "300", "--seed", "11", "--batch", "70");
        Assert.That(seeded, Is.Zero, output);
        Assert.That(output, Does.Contain("Seeded 300 synthetic request(s)"));

        var (verified, report) = await RunVerbAsync("verify-audit");

        Assert.That(verified, Is.Zero, report);
        Assert.That(report, Does.Contain("All 300 request(s) verified."));
    }

    [Test]
    public async Task SeedSynthetic_SmallRun_EveryStatusAndKindPresent()
    {
        await SeedAsync("--requests", "400", "--seed", "3");

        await using var connection = await OpenConnectionAsync();
        var statuses = (await connection.QueryAsync<string>("SELECT DISTINCT status FROM requests")).Order().ToList();
        var kinds = (await connection.QueryAsync<string>("SELECT DISTINCT kind FROM requests")).Order().ToList();
        var origins = (await connection.QueryAsync<string>("SELECT DISTINCT origin FROM requests")).Order().ToList();
        Assert.That(statuses, Is.EquivalentTo(Enum.GetValues<RequestStatus>().Select(s => s.ToCode())));
        Assert.That(kinds, Is.EquivalentTo(Enum.GetValues<RequestKind>().Select(k => k.ToCode())));
        Assert.That(origins, Is.EquivalentTo(new[] { "drafted", "registered" }));
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(DISTINCT requesting_state) FROM requests"), Is.GreaterThanOrEqualTo(17));
    }

    [Test]
    public async Task SeedSynthetic_SmallRun_TheApiListsReadsAndVerifiesTheRequests()
    {
        await SeedAsync("--requests", "300", "--seed", "5");
        var mali = await CreateClientAsAsync("mli.ca");

        var list = await mali.GetFromJsonAsync<RequestPage>("/api/requests?pageSize=100", Json);
        Assert.That(list!.Total, Is.GreaterThan(10));
        await using var connection = await OpenConnectionAsync();
        var visible = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM requests WHERE requesting_state = 'MLI' OR (requested_state = 'MLI' AND status <> 'draft')");
        Assert.That(list.Total, Is.EqualTo(visible));

        var transmitted = list.Items.First(r => r.Status != RequestStatus.Draft && r.Kind == RequestKind.Mla);
        var request = await GetRequestAsync(mali, transmitted.Id);
        Assert.That(request.ReferenceNumber, Is.EqualTo(transmitted.ReferenceNumber).And.Not.Null);
        Assert.That(request.Content.Persons, Is.Not.Empty);
        Assert.That(request.Content.Offences, Is.Not.Empty);
        Assert.That(request.Content.Assistance, Is.Not.Empty);
        var timeline = await GetTimelineWithChainAsync(mali, transmitted.Id);
        Assert.That(timeline.Chain.State, Is.EqualTo(ChainState.Verified));
        Assert.That(timeline.Events, Has.Count.EqualTo(request.Version));
    }

    [Test]
    public async Task SeedSynthetic_SmallRun_SearchFindsThemByNameWithoutAccentsAndByOverdueDeadline()
    {
        await SeedAsync("--requests", "300", "--seed", "5");
        var senegal = await CreateClientAsAsync("sen.ca");
        var list = await senegal.GetFromJsonAsync<RequestPage>("/api/requests?pageSize=100&kind=mla", Json);
        var request = await GetRequestAsync(senegal, list!.Items[0].Id);

        // Typed as a user types it: lower case, no accents, apostrophes and hyphens as spaces.
        var typed = Mla.Domain.Progress.SearchText.Fold(request.Content.Persons[0].FullName!);
        var found = await senegal.GetFromJsonAsync<RequestPage>($"/api/requests?pageSize=100&q={Uri.EscapeDataString(typed)}", Json);
        var overdue = await senegal.GetFromJsonAsync<RequestPage>("/api/requests?overdue=any", Json);

        Assert.That(found!.Items.Select(r => r.Id), Does.Contain(request.Id), typed);
        Assert.That(overdue!.Total, Is.GreaterThan(0));
    }

    [Test]
    public async Task SeedSynthetic_SameSeed_SameData()
    {
        await SeedAsync("--requests", "150", "--seed", "42", "--batch", "40");
        var first = await SnapshotAsync();

        await ResetDatabase();
        await SeedAsync("--requests", "150", "--seed", "42", "--batch", "150");
        var second = await SnapshotAsync();

        await ResetDatabase();
        await SeedAsync("--requests", "150", "--seed", "43");
        var otherSeed = await SnapshotAsync();

        Assert.That(second, Is.EqualTo(first));
        Assert.That(otherSeed, Is.Not.EqualTo(first));
    }

    [Test]
    public async Task SeedSynthetic_RunTwice_AddsRequestsAndKeepsCountersGapFree()
    {
        await SeedAsync("--requests", "200", "--seed", "9");
        await SeedAsync("--requests", "200", "--seed", "9");

        await using var connection = await OpenConnectionAsync();
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM requests"), Is.EqualTo(400));
        var numbers = (await connection.QueryAsync<string>("SELECT reference_number FROM requests WHERE reference_number IS NOT NULL")).ToList();
        Assert.That(numbers, Is.Unique);
        var counters = (await connection.QueryAsync("SELECT state_iso3, register, kind, year, last_number FROM reference_counters"))
            .Cast<IDictionary<string, object>>()
            .Select(row => (State: Text(row["state_iso3"]), Register: Text(row["register"]), Kind: Text(row["kind"]),
                Year: Convert.ToInt32(row["year"], CultureInfo.InvariantCulture), LastNumber: Convert.ToInt32(row["last_number"], CultureInfo.InvariantCulture)))
            .ToList();
        Assert.That(counters, Is.Not.Empty);
        foreach (var counter in counters)
        {
            var register = counter.Register == "incoming" ? ReferenceRegister.Incoming : ReferenceRegister.Outgoing;
            var kind = Enum.GetValues<RequestKind>().Single(k => k.ToCode() == counter.Kind);
            var taken = numbers.Select(ReferenceNumber.Parse)
                .Where(n => n.State == counter.State && n.Register == register && n.Kind == kind && n.Year == counter.Year)
                .Select(n => n.Sequence).Order().ToList();
            Assert.That(taken, Is.EqualTo(Enumerable.Range(1, counter.LastNumber)), $"{counter.State} {counter.Register} {counter.Kind} {counter.Year}");
        }

        // A request transmitted afterwards through the API takes the next number of its State's register.
        var expected = await connection.ExecuteScalarAsync<long?>(
            "SELECT last_number FROM reference_counters WHERE state_iso3 = 'MLI' AND register = 'outgoing' AND kind = 'mla' AND year = @year",
            new { year = Today.Year }) ?? 0;
        var (_, transmitted) = await TransmittedMlaAsync();
        Assert.That(transmitted.ReferenceNumber, Is.EqualTo(new ReferenceNumber("MLI", RequestKind.Mla, Today.Year, (int)expected + 1).ToString()));
    }

    [Test]
    public async Task SeedSynthetic_NoRequestCount_ExitCode2AndWritesNothing()
    {
        var (exitCode, output) = await SeedAsync("--requests", "many");

        Assert.That(exitCode, Is.EqualTo(2));
        Assert.That(output, Does.Contain("--requests N"));
        Assert.That(await CountAsync("requests"), Is.Zero);
    }

    [Test]
    public async Task SeedSynthetic_BulkLoad_LeavesEveryIndexAsTheMigrationsDefinedIt()
    {
        var before = await IndexesAsync();
        var journalBefore = await JournalModeAsync();

        var (exitCode, output) = await SeedAsync("--requests", "250", "--seed", "7", "--batch", "60");

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("index(es) created again"));
        Assert.That(Listed(await IndexesAsync()), Is.EqualTo(Listed(before)));
        Assert.That(await JournalModeAsync(), Is.EqualTo(journalBefore));
        var migrated = SyntheticSeeder.MigratedIndexes(Path.Combine(DatabaseMigrator.ScriptsRoot, Engine == DatabaseEngine.Postgres ? "postgres" : "sqlite"))
            .Where(index => index.Table.StartsWith("request", StringComparison.Ordinal) && index.Table != "request_tallies")
            .Select(index => index.Name)
            .ToList();
        Assert.That(migrated, Does.Contain("ix_requests_requested_by_created").And.Contain("ix_request_search_terms_request"));
        Assert.That(before.Keys, Is.SupersetOf(migrated));

        // The rebuilt indexes serve the searches: a name finds its requests, the overdue list its deadlines.
        var senegal = await CreateClientAsAsync("sen.ca");
        var overdue = await senegal.GetFromJsonAsync<RequestPage>("/api/requests?overdue=any", Json);
        Assert.That(overdue!.Total, Is.GreaterThan(0));
    }

    [Test]
    public async Task SeedSynthetic_DatabaseLackingAnIndex_RefusedAndWritesNothing()
    {
        var definition = (await IndexesAsync())["ix_requests_requested_by_created"];
        await using var connection = await OpenConnectionAsync();
        await connection.ExecuteAsync("DROP INDEX ix_requests_requested_by_created");
        try
        {
            var (exitCode, output) = await SeedAsync("--requests", "50");

            Assert.That(exitCode, Is.EqualTo(1), output);
            Assert.That(output, Does.Contain("ix_requests_requested_by_created").And.Contain("seed a new one"));
            Assert.That(await CountAsync("requests"), Is.Zero);
        }
        finally
        {
            await connection.ExecuteAsync(definition);
        }
    }

    // Every index of the database by name, with the statement the engine's catalogue would create it with.
    private async Task<Dictionary<string, string>> IndexesAsync()
    {
        await using var connection = await OpenConnectionAsync();
        var sql = Engine == DatabaseEngine.Postgres
            ? "SELECT indexname AS Name, indexdef AS Definition FROM pg_indexes WHERE schemaname = current_schema()"
            : "SELECT name AS Name, COALESCE(sql, 'automatic on ' || tbl_name) AS Definition FROM sqlite_master WHERE type = 'index'";
        return (await connection.QueryAsync<(string Name, string Definition)>(sql)).ToDictionary(index => index.Name, index => index.Definition, StringComparer.Ordinal);
    }

    private static List<string> Listed(Dictionary<string, string> indexes) =>
        [.. indexes.Select(index => $"{index.Key}: {index.Value}").Order(StringComparer.Ordinal)];

    private async Task<string> JournalModeAsync()
    {
        if (Engine != DatabaseEngine.Sqlite)
        {
            return "";
        }

        await using var connection = await OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<string>("PRAGMA journal_mode") ?? "";
    }

    private async Task<string> SnapshotAsync()
    {
        await using var connection = await OpenConnectionAsync();
        var rows = (await connection.QueryAsync("SELECT id, reference_number, status, last_event_hash FROM requests"))
            .Cast<IDictionary<string, object>>()
            .Select(row => $"{Text(row["id"]).ToLowerInvariant()} {Text(row["reference_number"])} {Text(row["status"])} {Text(row["last_event_hash"])}");
        var persons = await connection.QueryAsync<string>("SELECT full_name FROM request_persons");
        return string.Join("\n", rows.Order(StringComparer.Ordinal))
            + "\n" + string.Join("\n", persons.Order(StringComparer.Ordinal));
    }

    private static string Text(object? value) => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "";

    private Task<(int ExitCode, string Output)> SeedAsync(params string[] options) =>
        RunVerbAsync(["seed-synthetic", .. options, "--as-of", TodayText]);

    private async Task<(int ExitCode, string Output)> RunVerbAsync(params string[] words)
    {
        var verb = CommandLineVerb.Parse(
        [
            .. words,
            $"--Database:Engine={Engine}",
            $"--ConnectionStrings:{DatabaseOptions.ConnectionStringName}={Environment.Database.ConnectionString}",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await using var app = MlaApplication.Build(verb.HostArguments, serving: false);
        var (originalOut, originalError) = (Console.Out, Console.Error);
        await using var output = new StringWriter();
        Console.SetOut(output);
        Console.SetError(output);
        try
        {
            var exitCode = await verb.RunAsync(app);
            return (exitCode, output.ToString());
        }
        finally
        {
            Console.SetOut(originalOut);
            Console.SetError(originalError);
        }
    }
}
