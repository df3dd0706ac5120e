using System.Net;
using System.Net.Http.Json;
using Mla.Api.Features.Requests;
using Mla.Api.Infrastructure.Data;

namespace Mla.Api.Tests.Features.Requests;

public sealed class SearchRequestsTests(DatabaseEngine engine) : RequestTest(engine)
{
    private static Dictionary<string, object?> WithPerson(Dictionary<string, object?> draft, string fullName, string? document = null)
    {
        draft["persons"] = new[]
        {
            new { role = "suspect", fullName, nationality = "MLI", dateOfBirth = "1980-01-02", location = "Dakar", identityDocument = document },
        };
        return draft;
    }

    [Test]
    public async Task Search_FreeText_IgnoresCaseAndAccentsAndMatchesTheStartOfWords()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var traore = await CreateDraftAsync(mali, WithPerson(MlaDraft(), "Aïssata Traoré"));
        var keita = await CreateDraftAsync(mali, WithPerson(MlaDraft(), "Moussa Keïta"));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await IdsAsync(mali, "?q=traore"), Is.EqualTo(new[] { traore.Id }));
            Assert.That(await IdsAsync(mali, "?q=AISSATA"), Is.EqualTo(new[] { traore.Id }));
            Assert.That(await IdsAsync(mali, "?q=Ke%C3%AFt"), Is.EqualTo(new[] { keita.Id }), "Keït, the start of Keïta");
            Assert.That(await IdsAsync(mali, "?q=aissata%20keita"), Is.Empty, "every word must match");
            Assert.That(await IdsAsync(mali, "?q=financing"), Has.Count.EqualTo(2), "the subject");
        }
    }

    [Test]
    public async Task Search_FreeText_FindsBothReferenceNumbers()
    {
        var (senegal, received) = await ReceivedMlaAsync();
        using var mali = await CreateClientAsAsync("mli.ca");
        await CreateDraftAsync(mali);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await IdsAsync(mali, $"?q={Uri.EscapeDataString(received.ReferenceNumber!)}"), Is.EqualTo(new[] { received.Id }));
            Assert.That(await IdsAsync(senegal, "?q=SEN%2FCA%2F2025%2F117"), Is.EqualTo(new[] { received.Id }), "the requested side's reference");
        }
    }

    [Test]
    public async Task Search_Filters_EachNarrowsTheList()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var draftToSenegal = await CreateDraftAsync(mali);
        var extradition = await CreateDraftAsync(mali, ExtraditionDraft("NER"));
        extradition = await StepAsync(mali, extradition, "transmit", new { occurredOn = TodayText, channel = "central-authority", language = "fr" });
        var urgent = MlaDraft("CIV");
        urgent["urgency"] = "urgent";
        urgent["urgencyReason"] = "Detention ends soon";
        urgent["confidential"] = false;
        var urgentToIvoryCoast = await CreateDraftAsync(mali, urgent);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await IdsAsync(mali, "?status=draft&status=transmitted"), Has.Count.EqualTo(3));
            Assert.That(await IdsAsync(mali, "?status=transmitted"), Is.EqualTo(new[] { extradition.Id }));
            Assert.That(await IdsAsync(mali, "?kind=extradition,provisional-arrest"), Is.EqualTo(new[] { extradition.Id }));
            Assert.That(await IdsAsync(mali, "?requestedState=CIV"), Is.EqualTo(new[] { urgentToIvoryCoast.Id }));
            Assert.That(await IdsAsync(mali, "?requestingState=SEN"), Is.Empty);
            Assert.That(await IdsAsync(mali, "?category=banditry-armed-robbery"), Is.EqualTo(new[] { extradition.Id }));
            Assert.That(await IdsAsync(mali, "?legalBasis=untoc-2000"), Is.EquivalentTo(new[] { draftToSenegal.Id, urgentToIvoryCoast.Id }));
            Assert.That(await IdsAsync(mali, "?urgency=urgent"), Is.EqualTo(new[] { urgentToIvoryCoast.Id }));
            Assert.That(await IdsAsync(mali, "?confidential=true"), Is.EqualTo(new[] { draftToSenegal.Id }));
            Assert.That(await IdsAsync(mali, $"?transmittedFrom={TodayText}&transmittedTo={TodayText}"), Is.EqualTo(new[] { extradition.Id }));
            Assert.That(await IdsAsync(mali, $"?transmittedTo={Today.AddDays(-1):yyyy-MM-dd}"), Is.Empty);
            Assert.That(await IdsAsync(mali, $"?createdFrom={TodayText}&createdTo={TodayText}"), Has.Count.EqualTo(3));
            Assert.That(await IdsAsync(mali, $"?createdFrom={Today.AddDays(1):yyyy-MM-dd}"), Is.Empty);
            Assert.That(await IdsAsync(mali, "?direction=outgoing&status=draft&kind=mla&urgency=normal"), Is.EqualTo(new[] { draftToSenegal.Id }));
        }
    }

    [Test]
    public async Task Search_AThirdStatesRequests_NeverInResultsNorTotals()
    {
        using var niger = await CreateClientAsAsync("ner.ca");
        var nigerToSenegal = await CreateDraftAsync(niger, WithPerson(MlaDraft("SEN"), "Aïssata Traoré"));
        await StepAsync(niger, nigerToSenegal, "transmit", new { occurredOn = TodayText, channel = "central-authority", language = "fr" });
        using var mali = await CreateClientAsAsync("mli.ca");
        var mine = await CreateDraftAsync(mali, WithPerson(MlaDraft(), "Aïssata Traoré"));

        var page = await ListAsync(mali, "?q=traore&status=draft,transmitted&requestingState=NER");
        var all = await ListAsync(mali, "?q=traore");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Total, Is.Zero);
            Assert.That(page.Items, Is.Empty);
            Assert.That(all.Total, Is.EqualTo(1));
            Assert.That(all.Items.Select(r => r.Id), Is.EqualTo(new[] { mine.Id }));
        }
    }

    [Test]
    public async Task Search_SortAndPages_TiesBrokenByIdAndNoRowTwice()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        List<Guid> created = [];
        for (var i = 0; i < 5; i++)
        {
            created.Add((await CreateDraftAsync(mali)).Id); // the clock stands still: every created_at ties
        }

        var ascending = new List<Guid>();
        for (var page = 1; page <= 3; page++)
        {
            ascending.AddRange(await IdsAsync(mali, $"?sort=created&order=asc&pageSize=2&page={page}"));
        }

        var descending = await IdsAsync(mali, "?sort=created&pageSize=5");
        var firstPageBefore = await IdsAsync(mali, "?sort=created&order=asc&pageSize=2&page=2");
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        await CreateDraftAsync(mali);
        var firstPageAfter = await IdsAsync(mali, "?sort=created&order=asc&pageSize=2&page=2");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(ascending, Is.EquivalentTo(created), "every row once");
            Assert.That(descending, Is.EqualTo(Enumerable.Reverse(ascending)), "ties in the same order both ways");
            Assert.That(firstPageAfter, Is.EqualTo(firstPageBefore), "a row added later does not move the pages before it");
        }
    }

    [Test]
    public async Task Search_SortByReferenceOrTransmission_DraftsWithoutThemComeLast()
    {
        var (mali, first) = await TransmittedMlaAsync();
        var second = await CreateDraftAsync(mali);
        second = await StepAsync(mali, second, "transmit", new { occurredOn = TodayText, channel = "central-authority", language = "fr" });
        var draft = await CreateDraftAsync(mali);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(await IdsAsync(mali, "?sort=reference&order=asc"), Is.EqualTo(new[] { first.Id, second.Id, draft.Id }));
            Assert.That(await IdsAsync(mali, "?sort=reference&order=desc"), Is.EqualTo(new[] { second.Id, first.Id, draft.Id }));
            Assert.That((await IdsAsync(mali, "?sort=transmitted"))[^1], Is.EqualTo(draft.Id));
        }
    }

    [TestCase("?status=draft&status=lost", "status")]
    [TestCase("?kind=mla,letter", "kind")]
    [TestCase("?requestingState=mli", "requestingState")]
    [TestCase("?category=shoplifting", "category")]
    [TestCase("?legalBasis=magna-carta", "legalBasis")]
    [TestCase("?urgency=very", "urgency")]
    [TestCase("?overdue=yesterday", "overdue")]
    [TestCase("?createdFrom=2026-02-30", "createdFrom")]
    [TestCase("?transmittedTo=today", "transmittedTo")]
    [TestCase("?createdFrom=2026-03-02&createdTo=2026-03-01", "createdTo")]
    [TestCase("?transmittedFrom=2026-03-02&transmittedTo=2026-03-01", "transmittedTo")]
    [TestCase("?sort=colour", "sort")]
    [TestCase("?order=up", "order")]
    [TestCase("?q=%2F%2F", "q")]
    [TestCase("?q=a%20b%20c%20d%20e%20f%20g", "q")]
    public async Task Search_InvalidFilter_Answers400NamingIt(string query, string field)
    {
        using var mali = await CreateClientAsAsync("mli.ca");

        var response = await mali.GetAsync($"/api/requests{query}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>();
        Assert.That(problem!.Errors.Keys, Does.Contain(field));
    }

    [Test]
    public async Task Search_PagingWithNext_RequestsAddedMeanwhileNeitherRepeatNorShiftAPage()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        List<Guid> created = [];
        for (var i = 0; i < 5; i++)
        {
            created.Add((await CreateDraftAsync(mali)).Id);
            Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        created.Reverse(); // the list is newest first
        var first = await ListAsync(mali, "?pageSize=2");
        var arrived = await CreateDraftAsync(mali); // newer than all: it goes before the first page
        var second = await ListAsync(mali, $"?pageSize=2&after={first.Next}");
        var third = await ListAsync(mali, $"?pageSize=2&after={second.Next}");
        var byOffset = await ListAsync(mali, "?pageSize=2&page=2");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.Items.Concat(second.Items).Concat(third.Items).Select(r => r.Id), Is.EqualTo(created), "each request once, in order");
            Assert.That(third.Next, Is.Null, "the last page is not full");
            Assert.That(byOffset.Items.Select(r => r.Id), Does.Contain(created[1]), "a page number shifts as requests arrive; the cursor does not");
            Assert.That(second.Items.Select(r => r.Id), Does.Not.Contain(arrived.Id));
            Assert.That(second.Total, Is.EqualTo(6), "the total still counts the whole search");
        }
    }

    [Test]
    public async Task Search_PagingWithNext_ThroughRequestsWithoutTheSortDate_EachOnce()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        List<Guid> transmitted = [];
        for (var i = 0; i < 2; i++)
        {
            var draft = await CreateDraftAsync(mali);
            transmitted.Add((await StepAsync(mali, draft, "transmit", new { occurredOn = TodayText, channel = "central-authority", language = "fr" })).Id);
        }

        List<Guid> drafts = [];
        for (var i = 0; i < 3; i++)
        {
            drafts.Add((await CreateDraftAsync(mali)).Id);
        }

        List<Guid> seen = [];
        string? after = null;
        var pages = 0;
        do
        {
            var page = await ListAsync(mali, "?sort=transmitted&order=asc&pageSize=2" + (after is null ? "" : $"&after={after}"));
            seen.AddRange(page.Items.Select(r => r.Id));
            after = page.Next;
        }
        while (after is not null && ++pages < 10);

        Assert.That(seen, Has.Count.EqualTo(5).And.Unique);
        Assert.That(seen.Take(2), Is.EquivalentTo(transmitted), "transmitted first (same day: by id), then the drafts without a date");
        Assert.That(seen.Skip(2), Is.EquivalentTo(drafts));
    }

    [TestCase("?after=bm90IGEgY3Vyc29y", "after")]
    [TestCase("?after={next}&sort=updated", "after")]
    [TestCase("?after={next}&order=asc", "after")]
    [TestCase("?after={next}&page=2", "page")]
    public async Task Search_AfterThatIsNotTheNextOfThisSearch_Answers400(string query, string field)
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        await CreateDraftAsync(mali);
        var next = (await ListAsync(mali, "?pageSize=1")).Next;

        var response = await mali.GetAsync($"/api/requests{query.Replace("{next}", next, StringComparison.Ordinal)}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>();
        Assert.That(problem!.Errors.Keys, Is.EqualTo(new[] { field }));
    }

    private static async Task<RequestPage> ListAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/requests{query}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<RequestPage>(Json))!;
    }

    private static async Task<List<Guid>> IdsAsync(HttpClient client, string query) =>
        [.. (await ListAsync(client, query)).Items.Select(r => r.Id)];
}
