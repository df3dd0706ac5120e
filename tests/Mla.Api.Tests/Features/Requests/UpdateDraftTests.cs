using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mla.Api.Infrastructure.Data;

namespace Mla.Api.Tests.Features.Requests;

public sealed class UpdateDraftTests(DatabaseEngine engine) : RequestTest(engine)
{
    [Test]
    public async Task UpdateDraft_CurrentETag_ReplacesContentAndBumpsVersion()
    {
        using var client = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(client);
        var body = MlaDraft("NER");
        body["persons"] = Array.Empty<object>();
        body["subject"] = "New subject";

        var response = await PutDraftAsync(client, draft.Id, body, draft.Version);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        var updated = await ReadRequestAsync(response);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ETagOf(response), Is.EqualTo("\"2\""));
            Assert.That(updated.Version, Is.EqualTo(2));
            Assert.That(updated.Content.RequestedState, Is.EqualTo("NER"));
            Assert.That(updated.Content.Subject, Is.EqualTo("New subject"));
            Assert.That(updated.Content.Persons, Is.Empty);
        }

        Assert.That(await CountAsync("request_persons"), Is.Zero);
    }

    [Test]
    public async Task UpdateDraft_WithoutIfMatch_Returns428()
    {
        using var client = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(client);

        var response = await PutDraftAsync(client, draft.Id, MlaDraft(), null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionRequired));
    }

    [Test]
    public async Task UpdateDraft_StaleETag_Returns412AndChangesNothing()
    {
        using var client = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(client);
        await PutDraftAsync(client, draft.Id, MlaDraft(), draft.Version);

        var body = MlaDraft();
        body["subject"] = "Lost update";
        var response = await PutDraftAsync(client, draft.Id, body, draft.Version);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
        Assert.That((await GetRequestAsync(client, draft.Id)).Content.Subject, Is.Not.EqualTo("Lost update"));
    }

    [Test]
    public async Task UpdateDraft_TwoConcurrentUpdatesWithSameETag_ExactlyOneSucceeds()
    {
        using var first = await CreateClientAsAsync("mli.ca");
        using var second = await CreateClientAsAsync("mli.ca2");
        var draft = await CreateDraftAsync(first);
        var one = MlaDraft();
        one["subject"] = "Version of the first user";
        var two = MlaDraft();
        two["subject"] = "Version of the second user";

        var responses = await Task.WhenAll(PutDraftAsync(first, draft.Id, one, draft.Version), PutDraftAsync(second, draft.Id, two, draft.Version));

        Assert.That(responses.Select(r => r.StatusCode), Is.EquivalentTo(new[] { HttpStatusCode.OK, HttpStatusCode.PreconditionFailed }));
        var winner = await ReadRequestAsync(responses.Single(r => r.StatusCode == HttpStatusCode.OK));
        var stored = await GetRequestAsync(first, draft.Id);
        Assert.That(stored.Content.Subject, Is.EqualTo(winner.Content.Subject));
        Assert.That(stored.Version, Is.EqualTo(2));
        Assert.That(await CountAsync("request_events"), Is.EqualTo(2));
    }

    [Test]
    public async Task UpdateDraft_AfterTransmission_Returns409WithAllowedActions()
    {
        var (mali, transmitted) = await TransmittedMlaAsync();

        var response = await PutDraftAsync(mali, transmitted.Id, MlaDraft(), transmitted.Version);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString()), Is.EqualTo(new[] { "withdraw", "add-annex", "add-note" }));
    }

    [Test]
    public async Task UpdateDraft_RequestedStateUser_Returns404()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        using var senegal = await CreateClientAsAsync("sen.ca");
        var draft = await CreateDraftAsync(mali);

        var response = await PutDraftAsync(senegal, draft.Id, MlaDraft("MLI"), draft.Version);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }
}
