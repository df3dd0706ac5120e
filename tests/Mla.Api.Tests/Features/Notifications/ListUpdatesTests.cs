using System.Net;
using System.Net.Http.Json;
using Mla.Api.Features.Auth;
using Mla.Api.Features.Notifications;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Features.Requests;
using Mla.Domain.Access;
using Mla.Domain.Requests;

namespace Mla.Api.Tests.Features.Notifications;

/// <summary>What moved: <c>GET /api/me/updates</c>, the unread count of <c>GET /api/me</c>, <c>POST /api/me/updates/read</c>.</summary>
public sealed class ListUpdatesTests(DatabaseEngine engine) : RequestTest(engine)
{
    [Test]
    public async Task ListUpdates_MaliTransmitsToSenegal_SenegalSeesItNewestFirstWithWhoAndStatus()
    {
        using var senegal = await CreateClientAsAsync("sen.fp");
        var (_, transmitted) = await TransmittedMlaAsync();

        var page = await UpdatesAsync(senegal);

        Assert.Multiple(() =>
        {
            Assert.That(page.Total, Is.EqualTo(2), "the draft's creation and its transmission");
            Assert.That(page.Items.Select(update => update.Action), Is.EqualTo(new[] { "transmit", "create-draft" }));
            var newest = page.Items[0];
            Assert.That(newest.RequestId, Is.EqualTo(transmitted.Id));
            Assert.That(newest.ReferenceNumber, Is.EqualTo(transmitted.ReferenceNumber));
            Assert.That(newest.Kind, Is.EqualTo(RequestKind.Mla));
            Assert.That(newest.Status, Is.EqualTo(RequestStatus.Transmitted));
            Assert.That(newest.By, Is.EqualTo(new UpdateActor("MLI", Role.CentralAuthority)));
            Assert.That(newest.OccurredOn, Is.EqualTo(Today));
        });
    }

    [Test]
    public async Task ListUpdates_DraftNotYetTransmitted_RequestedStateSeesNothing_RequestingStateSeesIt()
    {
        using var senegal = await CreateClientAsAsync("sen.fp");
        using var maliFocalPoint = await CreateClientAsAsync("mli.fp");
        using var mali = await CreateClientAsAsync("mli.ca");
        await CreateDraftAsync(mali);

        var seenBySenegal = await UpdatesAsync(senegal);
        var seenByMali = await UpdatesAsync(maliFocalPoint);

        Assert.Multiple(async () =>
        {
            Assert.That(seenBySenegal.Total, Is.Zero);
            Assert.That(seenBySenegal.Items, Is.Empty);
            Assert.That((await senegal.GetFromJsonAsync<MeDto>("/api/me"))!.UnreadUpdates, Is.Zero);
            Assert.That(seenByMali.Items.Select(update => update.Action), Is.EqualTo(new[] { "create-draft" }));
        });
    }

    [Test]
    public async Task ListUpdates_ThirdState_SeesNoEventNotInTheListNorInTheCount()
    {
        using var niger = await CreateClientAsAsync("ner.ca");
        var (senegal, received) = await ReceivedMlaAsync();
        await StepAsync(senegal, received, "notes", new { note = "Called the bank" });

        var page = await UpdatesAsync(niger, since: DateTimeOffset.UnixEpoch);
        var me = await niger.GetFromJsonAsync<MeDto>("/api/me");

        Assert.Multiple(() =>
        {
            Assert.That(page.Total, Is.Zero);
            Assert.That(page.Items, Is.Empty);
            Assert.That(me!.UnreadUpdates, Is.Zero);
        });
    }

    [Test]
    public async Task ListUpdates_DiscardedDraft_ItsEventsAreGone()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(mali);
        var discard = new HttpRequestMessage(HttpMethod.Delete, $"/api/requests/{draft.Id}");
        discard.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{draft.Version}\""));
        Assert.That((await mali.SendAsync(discard)).IsSuccessStatusCode, Is.True);

        var page = await UpdatesAsync(mali);

        Assert.That(page.Total, Is.Zero);
    }

    [Test]
    public async Task GetMe_UnreadUpdates_CountsWhatMovedSinceMarkedRead()
    {
        using var senegal = await CreateClientAsAsync("sen.fp");
        var (_, transmitted) = await TransmittedMlaAsync();
        var before = (await senegal.GetFromJsonAsync<MeDto>("/api/me"))!.UnreadUpdates;

        var read = await senegal.PostAsync("/api/me/updates/read", null);
        var afterRead = (await senegal.GetFromJsonAsync<MeDto>("/api/me"))!.UnreadUpdates;
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        using var senegalCa = await CreateClientAsAsync("sen.ca");
        await StepAsync(senegalCa, transmitted, "receipt", new { occurredOn = TodayText, requestedSideReference = "SEN/CA/2026/1" });
        var afterReceipt = (await senegal.GetFromJsonAsync<MeDto>("/api/me"))!.UnreadUpdates;
        var unread = await UpdatesAsync(senegal);

        Assert.Multiple(() =>
        {
            Assert.That(before, Is.EqualTo(2));
            Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(afterRead, Is.Zero);
            Assert.That(afterReceipt, Is.EqualTo(1));
            Assert.That(unread.Items.Select(update => update.Action), Is.EqualTo(new[] { "acknowledge-receipt" }), "by default, since marked read");
        });
    }

    [Test]
    public async Task MarkUpdatesRead_UpToAMoment_LaterEventsStayUnread_AndTheMarkNeverMovesBack()
    {
        using var senegal = await CreateClientAsAsync("sen.fp");
        var (_, transmitted) = await TransmittedMlaAsync();
        var shown = await UpdatesAsync(senegal);
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        using var senegalCa = await CreateClientAsAsync("sen.ca");
        await StepAsync(senegalCa, transmitted, "receipt", new { occurredOn = TodayText, requestedSideReference = "SEN/CA/2026/1" });

        var upToShown = await ReadAsync(senegal, new { until = shown.Items[0].RecordedAt });
        var backwards = await ReadAsync(senegal, new { until = shown.Items[0].RecordedAt.AddDays(-1) });

        Assert.Multiple(() =>
        {
            Assert.That(upToShown.UnreadUpdates, Is.EqualTo(1));
            Assert.That(upToShown.ReadUntil, Is.EqualTo(shown.Items[0].RecordedAt));
            Assert.That(backwards.ReadUntil, Is.EqualTo(shown.Items[0].RecordedAt));
            Assert.That(backwards.UnreadUpdates, Is.EqualTo(1));
        });
    }

    [Test]
    public async Task MarkUpdatesRead_InTheFuture_Returns400AndChangesNothing()
    {
        using var senegal = await CreateClientAsAsync("sen.fp");
        await TransmittedMlaAsync();

        var response = await senegal.PostAsJsonAsync("/api/me/updates/read", new { until = DateTimeOffset.UtcNow.AddDays(1) });

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((await senegal.GetFromJsonAsync<MeDto>("/api/me"))!.UnreadUpdates, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task ListUpdates_Paged_StableNewestFirstWithTotal_AndSinceFilters()
    {
        using var senegal = await CreateClientAsAsync("sen.fp");
        var mali = await CreateClientAsAsync("mli.ca");
        var transmittedIds = new List<Guid>();
        for (var i = 0; i < 3; i++)
        {
            Factory.Clock.Advance(TimeSpan.FromSeconds(1));
            var draft = await CreateDraftAsync(mali);
            Factory.Clock.Advance(TimeSpan.FromSeconds(1));
            transmittedIds.Add((await StepAsync(mali, draft, "transmit", new { occurredOn = TodayText, channel = "central-authority", language = "fr" })).Id);
        }

        var first = await UpdatesAsync(senegal, page: 1, pageSize: 4);
        var second = await UpdatesAsync(senegal, page: 2, pageSize: 4);
        var sinceSecondTransmission = await UpdatesAsync(senegal, since: first.Items[2].RecordedAt);

        Assert.Multiple(() =>
        {
            Assert.That(first.Total, Is.EqualTo(6));
            Assert.That(second.Total, Is.EqualTo(6));
            Assert.That(first.Items.Concat(second.Items).Select(update => update.RecordedAt), Is.Ordered.Descending);
            var events = first.Items.Concat(second.Items).Select(update => (update.RequestId, update.SequenceNumber)).ToList();
            Assert.That(events, Is.Unique);
            Assert.That(events, Has.Count.EqualTo(6));
            Assert.That(first.Items[0].RequestId, Is.EqualTo(transmittedIds[2]));
            Assert.That(sinceSecondTransmission.Items.Select(update => update.Action), Is.EqualTo(new[] { "transmit", "create-draft" }));
        });
        mali.Dispose();
    }

    [TestCase("since=yesterday")]
    [TestCase("pageSize=101")]
    [TestCase("page=0")]
    public async Task ListUpdates_BadQuery_Returns400(string query)
    {
        using var senegal = await CreateClientAsAsync("sen.fp");

        var response = await senegal.GetAsync($"/api/me/updates?{query}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [TestCase("sjcp.sec")]
    [TestCase("admin")]
    public async Task ListUpdates_RoleSeeingNoRequest_Returns403(string username)
    {
        using var client = await CreateClientAsAsync(username);

        var list = await client.GetAsync("/api/me/updates");
        var read = await client.PostAsync("/api/me/updates/read", null);

        Assert.Multiple(() =>
        {
            Assert.That(list.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
            Assert.That(read.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        });
    }

    private static async Task<UpdatePage> UpdatesAsync(HttpClient client, DateTimeOffset? since = null, int page = 1, int pageSize = 20)
    {
        var query = $"page={page}&pageSize={pageSize}" + (since is { } s ? $"&since={Uri.EscapeDataString(s.ToString("O"))}" : "");
        var response = await client.GetAsync($"/api/me/updates?{query}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<UpdatePage>(Json))!;
    }

    private static async Task<UpdatesReadDto> ReadAsync(HttpClient client, object body)
    {
        var response = await client.PostAsJsonAsync("/api/me/updates/read", body);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<UpdatesReadDto>(Json))!;
    }
}
