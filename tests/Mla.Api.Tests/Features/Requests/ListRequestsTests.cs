using System.Net;
using System.Net.Http.Json;
using Mla.Api.Features.Requests;
using Mla.Api.Infrastructure.Data;
using Mla.Domain.Requests;

namespace Mla.Api.Tests.Features.Requests;

public sealed class ListRequestsTests(DatabaseEngine engine) : RequestTest(engine)
{
    [Test]
    public async Task ListRequests_BothDirections_NewestFirstWithoutOthersDrafts()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        using var senegal = await CreateClientAsAsync("sen.ca");
        var outgoing = await CreateDraftAsync(mali);
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        var incoming = await CreateDraftAsync(senegal, MlaDraft("MLI"));
        incoming = await StepAsync(senegal, incoming, "transmit", new { occurredOn = TodayText, channel = "electronic", language = "fr" });
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await CreateDraftAsync(senegal, MlaDraft("MLI"));

        var all = await ListAsync(mali, "");
        var onlyIncoming = await ListAsync(mali, "?direction=incoming");
        var onlyDrafts = await ListAsync(mali, "?status=draft&kind=mla");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(all.Items.Select(r => r.Id), Is.EqualTo(new[] { incoming.Id, outgoing.Id }), "Senegal's draft to Mali is not Mali's to see");
            Assert.That(all.Total, Is.EqualTo(2));
            Assert.That(all.Items[0].Direction, Is.EqualTo(RequestDirection.Incoming));
            Assert.That(all.Items[0].Status, Is.EqualTo(RequestStatus.Transmitted));
            Assert.That(onlyIncoming.Items.Select(r => r.Id), Is.EqualTo(new[] { incoming.Id }));
            Assert.That(onlyDrafts.Items.Select(r => r.Id), Is.EqualTo(new[] { outgoing.Id }));
        }
    }

    [Test]
    public async Task ListRequests_Paged_ReturnsThePageAndTheTotal()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        for (var i = 0; i < 5; i++)
        {
            await CreateDraftAsync(mali);
            Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        var page = await ListAsync(mali, "?page=2&pageSize=2");

        Assert.That(page.Items, Has.Count.EqualTo(2));
        Assert.That(page.Total, Is.EqualTo(5));
        Assert.That(page.Page, Is.EqualTo(2));
    }

    [TestCase("?status=lost", "status", "Must be one of: draft, ")]
    [TestCase("?kind=letter", "kind", "Must be one of: mla, extradition, provisional-arrest.")]
    [TestCase("?direction=sideways", "direction", "Must be one of: outgoing, incoming.")]
    [TestCase("?pageSize=1000", "pageSize", "")]
    public async Task ListRequests_InvalidFilter_Returns400NamingTheFieldAndItsCodes(string query, string field, string message)
    {
        using var mali = await CreateClientAsAsync("mli.ca");

        var response = await mali.GetAsync($"/api/requests{query}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>();
        Assert.That(problem!.Errors[field], Has.Exactly(1).StartsWith(message));
    }

    [TestCase("?page=21474838")]
    [TestCase("?page=21474837&pageSize=100")]
    [TestCase("?page=2147483647&pageSize=1")]
    [TestCase("?page=0")]
    public async Task ListRequests_PageBeyondWhatAnOffsetHolds_Answers400NamingPage(string query)
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        await CreateDraftAsync(mali);

        var response = await mali.GetAsync($"/api/requests{query}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>();
        Assert.That(problem!.Errors.Keys, Is.EqualTo(new[] { "page" }));
    }

    [Test]
    public async Task ListRequests_LastPageAnOffsetHolds_IsEmptyNotTheFirst()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        await CreateDraftAsync(mali);

        // 21474836 × 100 fits a 32-bit OFFSET; one page more does not (above).
        var page = await ListAsync(mali, "?page=21474836&pageSize=100");

        Assert.That(page.Items, Is.Empty);
        Assert.That(page.Total, Is.EqualTo(1));
    }

    private static async Task<RequestPage> ListAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/requests{query}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<RequestPage>(Json))!;
    }
}
