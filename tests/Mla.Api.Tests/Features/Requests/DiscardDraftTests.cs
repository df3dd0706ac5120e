using System.Net;
using System.Net.Http.Headers;
using Dapper;
using Mla.Api.Infrastructure.Data;

namespace Mla.Api.Tests.Features.Requests;

public sealed class DiscardDraftTests(DatabaseEngine engine) : RequestTest(engine)
{
    [Test]
    public async Task DiscardDraft_Draft_Returns204ThenNotFoundAndPurgesContent()
    {
        using var client = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(client);

        var response = await DeleteAsync(client, draft.Id, draft.Version);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
        Assert.That((await client.GetAsync($"/api/requests/{draft.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await CountAsync("request_persons"), Is.Zero, "persons are personal data");
        Assert.That(await CountAsync("request_offences"), Is.Zero);
        await using var connection = await OpenConnectionAsync();
        var subject = await connection.ExecuteScalarAsync<string?>("SELECT subject FROM requests");
        var actions = await connection.QueryAsync<string>("SELECT action_code FROM request_events ORDER BY sequence_number");
        Assert.That(subject, Is.Null);
        Assert.That(actions, Is.EqualTo(new[] { "create-draft", "discard-draft" }));
    }

    [Test]
    public async Task DiscardDraft_WithoutIfMatch_Returns428()
    {
        using var client = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(client);

        var response = await DeleteAsync(client, draft.Id, null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionRequired));
    }

    [Test]
    public async Task DiscardDraft_TransmittedRequest_Returns409()
    {
        var (mali, transmitted) = await TransmittedMlaAsync();

        var response = await DeleteAsync(mali, transmitted.Id, transmitted.Version);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task DiscardDraft_ThenTransmitAnother_LeavesNoGapInReferenceNumbers()
    {
        using var client = await CreateClientAsAsync("mli.ca");
        var discarded = await CreateDraftAsync(client);
        var kept = await CreateDraftAsync(client);
        await DeleteAsync(client, discarded.Id, discarded.Version);

        var transmitted = await StepAsync(client, kept, "transmit", new { occurredOn = TodayText, channel = "diplomatic", language = "fr" });

        Assert.That(transmitted.ReferenceNumber, Is.EqualTo($"MLI/MLA/{Today.Year}/0001"));
    }

    private static Task<HttpResponseMessage> DeleteAsync(HttpClient client, Guid id, int? version)
    {
        var message = new HttpRequestMessage(HttpMethod.Delete, $"/api/requests/{id}");
        if (version is { } v)
        {
            message.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{v}\""));
        }

        return client.SendAsync(message);
    }
}
