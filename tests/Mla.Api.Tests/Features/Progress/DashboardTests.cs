using System.Net;
using System.Net.Http.Json;
using Mla.Api.Features.Progress;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Features.Requests;
using Mla.Domain.Progress;
using Mla.Domain.Requests;

namespace Mla.Api.Tests.Features.Progress;

public sealed class DashboardTests(DatabaseEngine engine) : RequestTest(engine)
{
    // Clients sign in before the clock moves: a token issued on the test clock's later day is not yet valid.
    [Test]
    public async Task Dashboard_ForAState_CountsListsAndOldestPending()
    {
        using var senegal = await CreateClientAsAsync("sen.ca");
        using var niger = await CreateClientAsAsync("ner.ca");
        var (mali, oldest) = await TransmittedMlaAsync();
        Factory.Clock.Advance(TimeSpan.FromDays(1));
        var newer = await CreateDraftAsync(mali);
        newer = await StepAsync(mali, newer, "transmit", new { occurredOn = TodayText, channel = "central-authority", language = "fr" });
        await CreateDraftAsync(mali, ExtraditionDraft("NER"));
        var incoming = await CreateDraftAsync(senegal, MlaDraft("MLI"));
        incoming = await StepAsync(senegal, incoming, "transmit", new { occurredOn = TodayText, channel = "central-authority", language = "fr" });
        await CreateDraftAsync(senegal, MlaDraft("MLI"));
        var thirdState = await CreateDraftAsync(niger, MlaDraft("SEN"));
        await StepAsync(niger, thirdState, "transmit", new { occurredOn = TodayText, channel = "central-authority", language = "fr" });

        Factory.Clock.Advance(TimeSpan.FromDays(30));
        var dashboard = await DashboardAsync(mali);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(dashboard.State, Is.EqualTo("MLI"));
            Assert.That(dashboard.Outgoing, Is.EqualTo(new[] { new StatusCountDto(RequestStatus.Draft, 1), new StatusCountDto(RequestStatus.Transmitted, 2) }));
            Assert.That(dashboard.Incoming, Is.EqualTo(new[] { new StatusCountDto(RequestStatus.Transmitted, 1) }), "Senegal's draft and Niger's request are not Mali's");
            var receipt = dashboard.Overdue.Single(o => o.Kind == DeadlineKind.Receipt);
            Assert.That(receipt.Total, Is.EqualTo(1), "only the oldest is 31 days old");
            Assert.That(receipt.Requests.Select(r => r.Id), Is.EqualTo(new[] { oldest.Id }));
            Assert.That(dashboard.Overdue.Where(o => o.Kind != DeadlineKind.Receipt).Sum(o => o.Total), Is.Zero);
            Assert.That(dashboard.ChangedLast7Days.Total, Is.Zero);
            Assert.That(dashboard.OldestPending.Select(p => (p.CounterpartState, p.Pending, p.Request!.Id)),
                Is.EqualTo(new[] { ("SEN", 3L, oldest.Id) }), "outgoing and incoming with Senegal; ties broken by id");
            Assert.That(dashboard.OldestPending.Single().DaysPending, Is.EqualTo(31));
        }
    }

    [Test]
    public async Task Dashboard_ChangedInTheLastSevenDays_CountsAndListsTheMostRecent()
    {
        var (mali, first) = await TransmittedMlaAsync();
        Factory.Clock.Advance(TimeSpan.FromDays(8));
        var second = await StepAsync(mali, await GetRequestAsync(mali, first.Id), "notes", new { occurredOn = TodayText, note = "Follow-up." });
        var other = await CreateDraftAsync(mali);
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var otherEdited = await StepAsync(mali, await GetRequestAsync(mali, (await CreateDraftAsync(mali)).Id), "transmit", new { occurredOn = TodayText, channel = "central-authority", language = "fr" });

        var dashboard = await DashboardAsync(mali);

        Assert.That(dashboard.ChangedLast7Days.Total, Is.EqualTo(3));
        Assert.That(dashboard.ChangedLast7Days.Requests[0].Id, Is.EqualTo(otherEdited.Id));
        Assert.That(dashboard.ChangedLast7Days.Requests.Select(r => r.Id), Is.EquivalentTo(new[] { second.Id, other.Id, otherEdited.Id }));
    }

    [Test]
    public async Task Dashboard_ForASecretariat_CountsOfItsNetworkOnly_NoListNorReference()
    {
        using var sjcp = await CreateClientAsAsync("sjcp.sec");
        var (_, maliToSenegal) = await TransmittedMlaAsync();
        using var ghana = await CreateClientAsAsync("gha.ca");
        var ghanaToNigeria = await CreateDraftAsync(ghana, MlaDraft("NGA"));
        await StepAsync(ghana, ghanaToNigeria, "transmit", new { occurredOn = TodayText, channel = "central-authority", language = "en" });
        Factory.Clock.Advance(TimeSpan.FromDays(31));

        var response = await sjcp.GetAsync("/api/dashboard");
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), body);
        var dashboard = (await response.Content.ReadFromJsonAsync<DashboardDto>(Json))!;

        using (Assert.EnterMultipleScope())
        {
            Assert.That(dashboard.Network, Is.EqualTo("sjcp"));
            Assert.That(dashboard.Outgoing, Is.EqualTo(new[] { new StatusCountDto(RequestStatus.Transmitted, 1) }), "Ghana is not in the SJCP");
            Assert.That(dashboard.Incoming, Is.EqualTo(new[] { new StatusCountDto(RequestStatus.Transmitted, 1) }));
            Assert.That(dashboard.Overdue.Single(o => o.Kind == DeadlineKind.Receipt).Total, Is.EqualTo(1));
            Assert.That(dashboard.Overdue.SelectMany(o => o.Requests), Is.Empty);
            Assert.That(dashboard.OldestPending.Select(p => (p.CounterpartState, p.Pending, p.DaysPending, p.Request)), Is.EqualTo(new[] { ("SEN", 1L, (int?)31, (DashboardRequestDto?)null) }));
            Assert.That(body, Does.Not.Contain(maliToSenegal.ReferenceNumber!).And.Not.Contain("financing"), "no reference, no subject");
        }
    }

    [Test]
    public async Task Dashboard_ForAnAdministrator_Answers403()
    {
        using var admin = await CreateClientAsAsync("admin");

        var response = await admin.GetAsync("/api/dashboard");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    private static async Task<DashboardDto> DashboardAsync(HttpClient client)
    {
        var response = await client.GetAsync("/api/dashboard");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<DashboardDto>(Json))!;
    }
}
