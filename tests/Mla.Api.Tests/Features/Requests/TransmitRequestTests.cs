using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Dapper;
using Mla.Api.Infrastructure.Data;
using Mla.Domain.Requests;

namespace Mla.Api.Tests.Features.Requests;

public sealed class TransmitRequestTests(DatabaseEngine engine) : RequestTest(engine)
{
    private object Transmission(string language = "fr", string? occurredOn = null) =>
        new { occurredOn = occurredOn ?? TodayText, channel = "central-authority", language };

    [Test]
    public async Task TransmitRequest_IncompleteDraft_Returns422ListingEveryMissingFieldAndChangesNothing()
    {
        using var client = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(client, new Dictionary<string, object?>
        {
            ["kind"] = "mla",
            ["requestedState"] = "SEN",
            ["offences"] = new[] { new { category = "corruption", description = "Bribery", legalProvision = (string?)null, maxPenalty = (string?)null } },
        });

        var response = await PostStepAsync(client, draft.Id, "transmit", Transmission(), draft.Version);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        var missing = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("missing").EnumerateArray().Select(m => m.GetProperty("path").GetString()).ToList();
        Assert.That(missing, Is.SupersetOf(new[]
        {
            "legalBases", "subject", "investigatingAuthority.name", "investigatingAuthority.function", "facts",
            "offences[0].legalProvision", "offences[0].maxPenalty", "assistance", "purpose",
        }));
        var stored = await GetRequestAsync(client, draft.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(stored.Status, Is.EqualTo(RequestStatus.Draft));
            Assert.That(stored.Version, Is.EqualTo(1));
            Assert.That(stored.TransmissionChannel, Is.Null);
            Assert.That(await CountAsync("request_events"), Is.EqualTo(1));
            Assert.That(await CountAsync("reference_counters"), Is.Zero);
        }
    }

    [Test]
    public async Task TransmitRequest_LanguageTheRequestedStateDoesNotAccept_Returns422OnLanguage()
    {
        using var client = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(client);

        var response = await PostStepAsync(client, draft.Id, "transmit", Transmission("en"), draft.Version);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        var missing = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("missing").EnumerateArray().Select(m => m.GetProperty("path").GetString());
        Assert.That(missing, Is.EqualTo(new[] { "language" }));
    }

    [Test]
    public async Task TransmitRequest_DateInTheFuture_Returns400OnOccurredOn()
    {
        using var client = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(client);

        var response = await PostStepAsync(client, draft.Id, "transmit",
            Transmission(occurredOn: Today.AddDays(2).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), draft.Version);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("occurredOn", out _), Is.True);
        Assert.That((await GetRequestAsync(client, draft.Id)).Status, Is.EqualTo(RequestStatus.Draft));
    }

    [Test]
    public async Task TransmitRequest_DateBeforeThePreviousEvent_Returns400()
    {
        using var client = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(client);

        var response = await PostStepAsync(client, draft.Id, "transmit",
            Transmission(occurredOn: Today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)), draft.Version);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task TransmitRequest_MissingOccurredOnOrUnknownChannel_Returns400()
    {
        using var client = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(client);

        var unknownChannel = await PostStepAsync(client, draft.Id, "transmit", new { occurredOn = TodayText, channel = "carrier-pigeon", language = "fr" }, draft.Version);
        var noDate = await PostStepAsync(client, draft.Id, "transmit", new { channel = "diplomatic", language = "fr" }, draft.Version);

        Assert.That(unknownChannel.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var errors = (await unknownChannel.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.That(errors.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "channel" }));
        Assert.That(errors.GetProperty("channel")[0].GetString(), Does.StartWith("Must be one of: central-authority, diplomatic"));
        Assert.That(noDate.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        errors = (await noDate.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.That(errors.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "occurredOn" }));
        Assert.That((await GetRequestAsync(client, draft.Id)).Status, Is.EqualTo(RequestStatus.Draft));
    }

    [Test]
    public async Task TransmitRequest_ByProsecutorOfRequestingState_Returns403()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        using var prosecutor = await CreateClientAsAsync("mli.pros");
        var draft = await CreateDraftAsync(mali);

        var response = await PostStepAsync(prosecutor, draft.Id, "transmit", Transmission(), draft.Version);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task TransmitRequest_ManyDraftsInParallel_GetConsecutiveReferenceNumbers()
    {
        using var client = await CreateClientAsAsync("mli.ca");
        var drafts = new List<Mla.Api.Features.Requests.RequestDto>();
        for (var i = 0; i < 8; i++)
        {
            drafts.Add(await CreateDraftAsync(client));
        }

        var responses = await Task.WhenAll(drafts.Select(d => PostStepAsync(client, d.Id, "transmit", Transmission(), d.Version)));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        var numbers = await Task.WhenAll(responses.Select(async r => (await ReadRequestAsync(r)).ReferenceNumber));
        Assert.That(numbers, Is.EquivalentTo(Enumerable.Range(1, 8).Select(n => $"MLI/MLA/{Today.Year}/{n:D4}")));
    }

    [Test]
    public async Task TransmitRequest_TwentyParallelWithOneIdempotencyKey_MakeExactlyOneTransmission()
    {
        using var client = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(client);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20)
            .Select(_ => PostStepAsync(client, draft.Id, "transmit", Transmission(), draft.Version, "transmit-once")));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        var bodies = await Task.WhenAll(responses.Select(ReadRequestAsync));
        Assert.That(bodies.Select(b => b.ReferenceNumber).Distinct(), Is.EqualTo(new[] { $"MLI/MLA/{Today.Year}/0001" }));
        Assert.That(bodies.Select(b => b.Version).Distinct(), Is.EqualTo(new[] { 2 }));
        await using var connection = await OpenConnectionAsync();
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM request_events WHERE action_code = 'transmit'"), Is.EqualTo(1));
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT last_number FROM reference_counters"), Is.EqualTo(1));
        Assert.That(await CountAsync("idempotency_records"), Is.EqualTo(1));
    }

    [Test]
    public async Task TransmitRequest_SameKeyOnAnotherRequest_Returns422()
    {
        using var client = await CreateClientAsAsync("mli.ca");
        var first = await CreateDraftAsync(client);
        var second = await CreateDraftAsync(client);
        await PostStepAsync(client, first.Id, "transmit", Transmission(), first.Version, "key-1");

        var response = await PostStepAsync(client, second.Id, "transmit", Transmission(), second.Version, "key-1");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That((await GetRequestAsync(client, second.Id)).Status, Is.EqualTo(RequestStatus.Draft));
    }

    [Test]
    public async Task TransmitRequest_FailedAttemptWithKey_CanBeRetriedWithTheSameKey()
    {
        using var client = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(client);
        var failed = await PostStepAsync(client, draft.Id, "transmit", Transmission(), null, "retry-key");

        var retried = await PostStepAsync(client, draft.Id, "transmit", Transmission(), draft.Version, "retry-key");

        Assert.That(failed.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionRequired));
        Assert.That(retried.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    // A duplicate that arrives while the first command is still in its transaction waits (on the key's
    // claim, or before that on the State's counter turn the first one holds), then replays what the
    // first one stored. The test holds the request's row (a write lock on SQLite) so that both commands
    // are in flight together, the first one inside its transaction, then lets them go.
    [Test]
    public async Task TransmitRequest_DuplicateWaitingOnTheFirst_ReplaysTheFirstResponse()
    {
        using var client = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(client);
        await using var blocker = await OpenConnectionAsync();
        await using var hold = await blocker.BeginTransactionAsync();
        await blocker.ExecuteAsync("UPDATE requests SET updated_at = updated_at WHERE id = @id", new { id = draft.Id }, hold);

        var first = PostStepAsync(client, draft.Id, "transmit", Transmission(), draft.Version, "wait-for-me");
        var duplicate = PostStepAsync(client, draft.Id, "transmit", Transmission(), draft.Version, "wait-for-me");
        await WaitUntilBlockedAsync(1);
        Assert.That(first.IsCompleted || duplicate.IsCompleted, Is.False, "both commands wait for the held row");
        await hold.CommitAsync();
        var responses = await Task.WhenAll(first, duplicate);

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        var bodies = await Task.WhenAll(responses.Select(r => r.Content.ReadAsStringAsync()));
        Assert.That(bodies[1], Is.EqualTo(bodies[0]), "the duplicate answers exactly what the first one answered");
        await using var connection = await OpenConnectionAsync();
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM request_events WHERE action_code = 'transmit'"), Is.EqualTo(1));
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM request_documents"), Is.EqualTo(1));
    }

    // PostgreSQL says who waits on a lock; SQLite does not, so there the test gives the commands time to reach it.
    private async Task WaitUntilBlockedAsync(int sessions)
    {
        if (Engine != DatabaseEngine.Postgres)
        {
            await Task.Delay(TimeSpan.FromSeconds(1));
            return;
        }

        await using var connection = await OpenConnectionAsync();
        for (var attempt = 0; attempt < 100; attempt++)
        {
            var waiting = await connection.ExecuteScalarAsync<long>(
                "SELECT COUNT(*) FROM pg_stat_activity WHERE wait_event_type = 'Lock' AND datname = current_database()");
            if (waiting >= sessions)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail($"{sessions} sessions never waited on a lock.");
    }
}
