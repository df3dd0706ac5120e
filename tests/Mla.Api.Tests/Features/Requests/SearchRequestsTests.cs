using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Dapper;
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
    public async Task Search_FreeText_FindsRequestsSentAndReceivedButNeverAThirdStates()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        using var senegal = await CreateClientAsAsync("sen.ca");
        using var niger = await CreateClientAsAsync("ner.ca");
        var sent = await TransmitAsync(mali, await CreateDraftAsync(mali, WithPerson(MlaDraft("SEN"), "Aïssata Traoré")));
        var received = await TransmitAsync(senegal, await CreateDraftAsync(senegal, WithPerson(MlaDraft("MLI"), "Aïssata Traoré")));
        var betweenOthers = await TransmitAsync(niger, await CreateDraftAsync(niger, WithPerson(MlaDraft("SEN"), "Aïssata Traoré")));
        var senegalsDraftToMali = await CreateDraftAsync(senegal, WithPerson(MlaDraft("MLI"), "Aïssata Traoré"));

        var page = await ListAsync(mali, "?q=traore");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(page.Items.Select(r => r.Id), Is.EquivalentTo(new[] { sent.Id, received.Id }), "sent and received, not Niger's nor Senegal's draft");
            Assert.That(page.Total, Is.EqualTo(2));
            Assert.That(await IdsAsync(mali, "?q=aissata%20traore&direction=incoming"), Is.EqualTo(new[] { received.Id }), "two words, received");
            Assert.That(await IdsAsync(mali, "?q=traore%20aiss&direction=outgoing"), Is.EqualTo(new[] { sent.Id }), "two words, sent");
            Assert.That(await IdsAsync(senegal, "?q=traore"), Is.EquivalentTo(new[] { sent.Id, received.Id, betweenOthers.Id, senegalsDraftToMali.Id }));
            Assert.That(await IdsAsync(niger, "?q=aissata%20traore"), Is.EqualTo(new[] { betweenOthers.Id }));
        }
    }

    [Test]
    public async Task Search_FreeText_AfterADraftsRequestedStateChanges_TheNewStateFindsItOnceTransmitted()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(mali, WithPerson(MlaDraft("SEN"), "Moussa Keïta"));
        var toNiger = await PutDraftAsync(mali, draft.Id, WithPerson(MlaDraft("NER"), "Moussa Keïta"), draft.Version);
        Assert.That(toNiger.StatusCode, Is.EqualTo(HttpStatusCode.OK), await toNiger.Content.ReadAsStringAsync());
        using var niger = await CreateClientAsAsync("ner.ca");
        var beforeTransmission = await IdsAsync(niger, "?q=keita");
        await TransmitAsync(mali, await ReadRequestAsync(toNiger));

        using var senegal = await CreateClientAsAsync("sen.ca");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(beforeTransmission, Is.Empty, "a draft is its requesting State's alone");
            Assert.That(await IdsAsync(niger, "?q=keita"), Is.EqualTo(new[] { draft.Id }), "the new requested State");
            Assert.That(await IdsAsync(niger, "?q=moussa%20keita&direction=incoming"), Is.EqualTo(new[] { draft.Id }));
            Assert.That(await IdsAsync(senegal, "?q=keita"), Is.Empty, "the old requested State");
            Assert.That(await IdsAsync(mali, "?q=keita"), Is.EqualTo(new[] { draft.Id }));
        }
    }

    [Test]
    public async Task Search_FreeText_DiscardedDraft_NotFoundAndItsTermsRemoved()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var discarded = await CreateDraftAsync(mali, WithPerson(MlaDraft(), "Moussa Keïta"));
        var kept = await CreateDraftAsync(mali, WithPerson(MlaDraft(), "Moussa Keïta"));
        var message = new HttpRequestMessage(HttpMethod.Delete, $"/api/requests/{discarded.Id}");
        message.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{discarded.Version}\""));
        var response = await mali.SendAsync(message);

        await using var connection = await OpenConnectionAsync();
        var termsLeft = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM request_search_terms WHERE request_id = @id", new { id = discarded.Id });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent));
            Assert.That(await IdsAsync(mali, "?q=keita"), Is.EqualTo(new[] { kept.Id }));
            Assert.That(termsLeft, Is.Zero, "the words of a discarded draft (a person's name) are not kept");
        }
    }

    [Test]
    public async Task Search_StatusesOnBothSides_PagesWithNextGiveEveryMatchOnceInOrder()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        using var senegal = await CreateClientAsAsync("sen.ca");
        List<Guid> matching = [];
        List<Guid> incoming = [];
        for (var i = 0; i < 3; i++)
        {
            matching.Add((await TransmitAsync(mali, await CreateDraftAsync(mali))).Id);
            Factory.Clock.Advance(TimeSpan.FromSeconds(1));
            var toMali = await TransmitAsync(senegal, await CreateDraftAsync(senegal, MlaDraft("MLI")));
            incoming.Add((await StepAsync(mali, toMali, "receipt", new { occurredOn = TodayText, requestedSideReference = $"MLI/IN/{i}" })).Id);
            matching.Add(incoming[^1]);
            Factory.Clock.Advance(TimeSpan.FromSeconds(1));
            await CreateDraftAsync(mali); // a draft: neither status
            Factory.Clock.Advance(TimeSpan.FromSeconds(1));
            incoming.Add((await TransmitAsync(senegal, await CreateDraftAsync(senegal, MlaDraft("MLI")))).Id); // not received yet: transmitted
            matching.Add(incoming[^1]);
            Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        matching.Reverse(); // newest first
        incoming.Reverse();
        List<Guid> seen = [];
        string? after = null;
        var pages = 0;
        do
        {
            var page = await ListAsync(mali, "?status=transmitted&status=received&pageSize=4" + (after is null ? "" : $"&after={after}"));
            Assert.That(page.Total, Is.EqualTo(9), "the total of the whole search, on every page");
            seen.AddRange(page.Items.Select(r => r.Id));
            after = page.Next;
        }
        while (after is not null && ++pages < 10);

        var ascending = new List<Guid>();
        for (var page = 1; page <= 3; page++)
        {
            ascending.AddRange(await IdsAsync(mali, $"?status=received&status=transmitted&order=asc&pageSize=4&page={page}"));
        }

        using (Assert.EnterMultipleScope())
        {
            Assert.That(seen, Is.EqualTo(matching), "sent and received, newest first, each once");
            Assert.That(ascending, Is.EqualTo(Enumerable.Reverse(matching)), "by page numbers, oldest first");
            Assert.That(await IdsAsync(mali, "?requestedState=MLI&status=transmitted&status=received&pageSize=20"),
                Is.EqualTo(incoming), "sent to the caller's State only: it is their requested State");
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

    private Task<RequestDto> TransmitAsync(HttpClient client, RequestDto draft) =>
        StepAsync(client, draft, "transmit", new { occurredOn = TodayText, channel = "central-authority", language = "fr" });

    private static async Task<RequestPage> ListAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/requests{query}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<RequestPage>(Json))!;
    }

    private static async Task<List<Guid>> IdsAsync(HttpClient client, string query) =>
        [.. (await ListAsync(client, query)).Items.Select(r => r.Id)];
}
