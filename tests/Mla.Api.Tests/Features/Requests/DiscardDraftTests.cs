using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dapper;
using Mla.Api.Features.Requests;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Features.Documents;

namespace Mla.Api.Tests.Features.Requests;

public sealed class DiscardDraftTests(DatabaseEngine engine) : RequestTest(engine)
{
    [Test]
    public async Task DiscardDraft_Draft_Returns204AndTheDraftIsGoneForItsOwner()
    {
        using var client = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(client);
        var kept = await CreateDraftAsync(client);

        var response = await DeleteAsync(client, draft.Id, draft.Version);

        var read = await client.GetAsync($"/api/requests/{draft.Id}");
        var timeline = await client.GetAsync($"/api/requests/{draft.Id}/timeline");
        var list = await client.GetFromJsonAsync<RequestPage>("/api/requests", Json);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(timeline.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(list!.Items.Select(item => item.Id), Is.EqualTo(new[] { kept.Id }));
            Assert.That(list.Total, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task DiscardDraft_Draft_PurgesItsContentAndKeepsOnlyItsTimeline()
    {
        using var client = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(client);
        var kept = await CreateDraftAsync(client);

        await DeleteAsync(client, draft.Id, draft.Version);

        await using var connection = await OpenConnectionAsync();
        var content = await connection.QuerySingleAsync<(string? Subject, string? Facts, string? Purpose, string? AuthorityName, string? AuthorityFunction)>(
            """
            SELECT subject, facts, purpose, investigating_authority_name, investigating_authority_function
            FROM requests WHERE id = @id
            """,
            new { id = draft.Id });
        var actions = await connection.QueryAsync<string>(
            "SELECT action_code FROM request_events WHERE request_id = @id ORDER BY sequence_number", new { id = draft.Id });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(content, Is.EqualTo(((string?)null, (string?)null, (string?)null, (string?)null, (string?)null)), "subject, facts, purpose, authority");
            Assert.That(await ChildRowsAsync(connection, draft.Id), Is.EqualTo((0L, 0L, 0L, 0L)), "persons, offences, assistance items, legal bases");
            Assert.That(await ChildRowsAsync(connection, kept.Id), Is.EqualTo((1L, 1L, 2L, 2L)), "the other draft keeps its content");
            Assert.That(actions, Is.EqualTo(new[] { "create-draft", "discard-draft" }));
        }
    }

    // Annexes are personal data too (statements, identity documents). Known defect: RequestStore.PurgeAsync
    // leaves request_attachments behind (issue 8, item 7); this test fails until that is fixed.
    [Test]
    public async Task DiscardDraft_DraftWithAnnexes_RemovesItsAnnexes()
    {
        using var client = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(client);
        var kept = await CreateDraftAsync(client);
        await UploadAsync(client, draft.Id, "witness-statement.pdf");
        await UploadAsync(client, draft.Id, "passport.pdf");
        await UploadAsync(client, kept.Id, "bank-statement.pdf");
        var current = await GetRequestAsync(client, draft.Id);

        var response = await DeleteAsync(client, draft.Id, current.Version);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(await AttachmentsOfAsync(draft.Id), Is.Zero, "annexes of the discarded draft");
            Assert.That(await AttachmentsOfAsync(kept.Id), Is.EqualTo(1), "annexes of the other draft");
        }
    }

    [Test]
    public async Task DiscardDraft_WithoutIfMatch_Returns428AndKeepsTheDraft()
    {
        using var client = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(client);

        var response = await DeleteAsync(client, draft.Id, null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionRequired));
        Assert.That((await GetRequestAsync(client, draft.Id)).Content.Subject, Is.EqualTo(draft.Content.Subject));
    }

    [Test]
    public async Task DiscardDraft_TransmittedRequest_Returns409AndKeepsTheRequest()
    {
        var (mali, transmitted) = await TransmittedMlaAsync();

        var response = await DeleteAsync(mali, transmitted.Id, transmitted.Version);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        var after = await GetRequestAsync(mali, transmitted.Id);
        Assert.That((after.Version, after.Content.Subject), Is.EqualTo((transmitted.Version, transmitted.Content.Subject)));
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

    private static async Task<(long Persons, long Offences, long Assistance, long LegalBases)> ChildRowsAsync(System.Data.Common.DbConnection connection, Guid id)
    {
        async Task<long> Count(string table) =>
            await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table} WHERE request_id = @id", new { id });

        return (await Count("request_persons"), await Count("request_offences"), await Count("request_assistance_items"), await Count("request_legal_bases"));
    }

    private async Task<long> AttachmentsOfAsync(Guid id)
    {
        await using var connection = await OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM request_attachments WHERE request_id = @id", new { id });
    }

    private static async Task UploadAsync(HttpClient client, Guid id, string fileName)
    {
        var response = await GetRequestDocumentTests.UploadAsync(client, id, fileName, DocumentTestFiles.Pdf(fileName), null, isTranslation: false);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
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
