using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Mla.Api.Features.Progress;
using Mla.Api.Features.Requests;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Features.Requests;
using Mla.Api.Tests.Infrastructure;

namespace Mla.Api.Tests.Features.Progress;

/// <summary>
/// Requests written before migration 0008 have no stored due dates, search terms nor person keys; the
/// backfill gives them the rows a step would have written.
/// </summary>
public sealed class ProgressBackfillTests(DatabaseEngine engine) : RequestTest(engine)
{
    private ProgressBackfill Backfill => Services.GetRequiredService<ProgressBackfill>();

    [Test]
    public async Task RequestOfAnOlderVersion_FoundAgainByTextOverdueAndRelated_WithTheSameRows()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(mali, Concerning(MlaDraft("SEN"), "Aïssata Traoré", "P7654321"));
        var old = await StepAsync(mali, draft, "transmit", new { occurredOn = TodayText, channel = "central-authority", language = "fr" });
        var other = await CreateDraftAsync(mali, Concerning(MlaDraft("CIV"), "AISSATA TRAORE"));
        var written = await DerivedRowsAsync(old.Id);
        await WipeDerivedRowsAsync(old.Id);
        Factory.Clock.Advance(TimeSpan.FromDays(31));

        var beforeBackfill = await FindingsAsync(mali, old.Id, other.Id);
        var backfilled = await Backfill.RunAsync(CancellationToken.None);
        var afterBackfill = await FindingsAsync(mali, old.Id, other.Id);
        var rows = await DerivedRowsAsync(old.Id);
        var again = await Backfill.RunAsync(CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(beforeBackfill, Is.EqualTo((false, false, false)), "an older request is missed by search, overdue and related");
            Assert.That(backfilled, Is.EqualTo(1), "the request without its rows, not the others");
            Assert.That(afterBackfill, Is.EqualTo((true, true, true)));
            Assert.That(rows, Is.EqualTo(written));
            Assert.That(written.Terms, Does.Contain("traore").And.Contain("aissata"));
            Assert.That(written.Keys, Has.Count.EqualTo(2));
            Assert.That(written.Schedule, Does.Contain(Iso(Today.AddDays(-1))), "receipt due 30 days after the transmission");
            Assert.That(again, Is.Zero, "a request done is never done again");
        }
    }

    [Test]
    public async Task NothingMissing_BackfillChangesNothing()
    {
        var (_, transmitted) = await TransmittedMlaAsync();
        var written = await DerivedRowsAsync(transmitted.Id);

        var backfilled = await Backfill.RunAsync(CancellationToken.None);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(backfilled, Is.Zero);
            Assert.That(await DerivedRowsAsync(transmitted.Id), Is.EqualTo(written));
        }
    }

    [Test]
    public async Task BackfillProgressVerb_DoesTheSameInTheForeground_AndSaysHowMany()
    {
        var (_, transmitted) = await TransmittedMlaAsync();
        var written = await DerivedRowsAsync(transmitted.Id);
        await WipeDerivedRowsAsync(transmitted.Id);

        var (exitCode, output) = await CommandLineVerbTests.RunWithOutputAsync(Environment.Database, "backfill-progress");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.Zero, output);
            Assert.That(output, Does.Contain("Progress backfill: 1 request(s) given their due dates, search terms and person keys."));
            Assert.That(await DerivedRowsAsync(transmitted.Id), Is.EqualTo(written));
        }
    }

    [Test]
    public async Task ManyOlderRequests_DoneInSeveralBatches_EachOnce_EvenByTwoInstancesAtOnce()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        List<Guid> ids = [];
        for (var i = 0; i < 12; i++)
        {
            ids.Add((await CreateDraftAsync(mali, Concerning(MlaDraft("SEN"), $"Mamadou Diallo {i}"))).Id);
        }

        var written = await DerivedRowsAsync(ids[^1]);
        foreach (var id in ids)
        {
            await WipeDerivedRowsAsync(id);
        }

        var done = await Task.WhenAll(Backfill.RunAsync(5, CancellationToken.None), Backfill.RunAsync(5, CancellationToken.None));

        await using var check = await OpenConnectionAsync();
        var withTerms = await check.ExecuteScalarAsync<long>("SELECT COUNT(DISTINCT request_id) FROM request_search_terms");
        var nameKeys = await check.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM request_person_keys WHERE key_kind = 'name'");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(done.Sum(), Is.GreaterThanOrEqualTo(ids.Count), "every one done, in batches of 5");
            Assert.That(withTerms, Is.EqualTo(ids.Count));
            Assert.That(nameKeys, Is.EqualTo(ids.Count), "one key per person, never two");
            Assert.That(await DerivedRowsAsync(ids[^1]), Is.EqualTo(written));
            Assert.That(await Backfill.RunAsync(CancellationToken.None), Is.Zero);
        }
    }

    [Test]
    public async Task PassThatReachedTheEnd_IsRecorded_AndLaterStartsDoNotReadEveryRequestAgain()
    {
        var (_, transmitted) = await TransmittedMlaAsync();
        await using var connection = await OpenConnectionAsync();
        const string RecordedSql = "SELECT COUNT(*) FROM completed_maintenance WHERE task = 'progress-backfill'";
        var recordedBefore = await connection.ExecuteScalarAsync<long>(RecordedSql);

        var first = await Backfill.RunAsync(CancellationToken.None);
        var recordedAfter = await connection.ExecuteScalarAsync<long>(RecordedSql);
        // What a scan would find and write again, were one run: the next start must not run it.
        await WipeDerivedRowsAsync(transmitted.Id);
        var second = await Backfill.RunAsync(CancellationToken.None);
        var termsAfterSecond = await connection.ExecuteScalarAsync<long>(
            "SELECT COUNT(*) FROM request_search_terms WHERE request_id = @id", new { id = transmitted.Id });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(recordedBefore, Is.Zero, "a database without the row (as one upgraded from before 0014) is scanned");
            Assert.That(first, Is.Zero);
            Assert.That(recordedAfter, Is.EqualTo(1), "the whole pass is recorded once done");
            Assert.That(second, Is.Zero);
            Assert.That(termsAfterSecond, Is.Zero, "the later pass answered from the record, without reading the requests");
        }
    }

    /// <summary>Whether the request is found by free text, by <c>overdue</c>, and among the other request's related ones.</summary>
    private static async Task<(bool ByText, bool Overdue, bool Related)> FindingsAsync(HttpClient client, Guid id, Guid other)
    {
        var byText = await client.GetFromJsonAsync<RequestPage>("/api/requests?q=traore", Json);
        var overdue = await client.GetFromJsonAsync<RequestPage>("/api/requests?overdue=receipt", Json);
        var response = await client.GetAsync($"/api/requests/{other}/related");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var related = await response.Content.ReadFromJsonAsync<List<RelatedRequestDto>>(Json);
        return (byText!.Items.Any(r => r.Id == id), overdue!.Items.Any(r => r.Id == id), related!.Any(r => r.Id == id));
    }

    /// <summary>As a database of a version before 0008 holds the request: none of its derived rows.</summary>
    private async Task WipeDerivedRowsAsync(Guid id)
    {
        await using var connection = await OpenConnectionAsync();
        await connection.ExecuteAsync("DELETE FROM request_search_terms WHERE request_id = @id", new { id });
        await connection.ExecuteAsync("DELETE FROM request_person_keys WHERE request_id = @id", new { id });
        await connection.ExecuteAsync(
            """
            UPDATE requests SET receipt_due_on = NULL, update_due_on = NULL, time_limit_due_on = NULL, arrest_expires_on = NULL,
                next_due_on = NULL, paused_days = 0, paused_since = NULL
            WHERE id = @id
            """,
            new { id });
    }

    private async Task<DerivedRows> DerivedRowsAsync(Guid id)
    {
        await using var connection = await OpenConnectionAsync();
        var terms = (await connection.QueryAsync<string>("SELECT term FROM request_search_terms WHERE request_id = @id ORDER BY term", new { id })).ToList();
        var keys = (await connection.QueryAsync<string>("SELECT key_value FROM request_person_keys WHERE request_id = @id ORDER BY key_kind, key_value", new { id })).ToList();
        var schedule = (IDictionary<string, object?>)await connection.QuerySingleAsync(
            """
            SELECT receipt_due_on, update_due_on, time_limit_due_on, arrest_expires_on, next_due_on, paused_days, paused_since
            FROM requests WHERE id = @id
            """,
            new { id });
        return new DerivedRows(
            string.Join(' ', terms),
            keys,
            string.Join(", ", schedule.Select(column => $"{column.Key}={Text(column.Value)}")));
    }

    private static string Text(object? value) => value switch
    {
        null => "null",
        DateTime date => Iso(DateOnly.FromDateTime(date)),
        DateOnly date => Iso(date),
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static Dictionary<string, object?> Concerning(Dictionary<string, object?> draft, string fullName, string? document = null)
    {
        draft["persons"] = new[]
        {
            new { role = "suspect", fullName, nationality = "MLI", dateOfBirth = "1980-01-02", location = "Dakar", identityDocument = document },
        };
        return draft;
    }

    private sealed record DerivedRows(string Terms, IReadOnlyList<string> Keys, string Schedule)
    {
        public bool Equals(DerivedRows? other) =>
            other is not null && Terms == other.Terms && Keys.SequenceEqual(other.Keys) && Schedule == other.Schedule;

        public override int GetHashCode() => HashCode.Combine(Terms, Schedule);
    }
}
