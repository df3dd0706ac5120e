using System.Net;
using System.Net.Http.Json;
using Mla.Api.Features.Progress;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Features.Requests;

namespace Mla.Api.Tests.Features.Progress;

public sealed class RelatedRequestsTests(DatabaseEngine engine) : RequestTest(engine)
{
    private static Dictionary<string, object?> Concerning(Dictionary<string, object?> draft, string fullName, string? document = null)
    {
        draft["persons"] = new[]
        {
            new { role = draft["kind"] as string == "mla" ? "suspect" : "person-sought", fullName, nationality = "MLI", dateOfBirth = "1980-01-02", location = "Niamey", identityDocument = document },
        };
        return draft;
    }

    [Test]
    public async Task Related_SpellingVariantsAndTheSameDocument_Found_OtherPersonsNot()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var mla = await CreateDraftAsync(mali, Concerning(MlaDraft("SEN"), "Mohamed Ould Ahmed", "P1234567"));
        var extradition = await CreateDraftAsync(mali, Concerning(ExtraditionDraft("NER"), "Mohammed Ould-Ahmed"));
        var sameDocument = await CreateDraftAsync(mali, Concerning(MlaDraft("CIV"), "M. O. Ahmed", "p 123 4567"));
        await CreateDraftAsync(mali, Concerning(MlaDraft("CIV"), "Mohamed Ould Sidi", "X999"));

        var related = await RelatedAsync(mali, mla.Id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(related.Select(r => r.Id), Is.EquivalentTo(new[] { extradition.Id, sameDocument.Id }));
            Assert.That(related.Single(r => r.Id == extradition.Id).Match, Is.EqualTo("name"));
            Assert.That(related.Single(r => r.Id == sameDocument.Id).Match, Is.EqualTo("identity-document"));
            Assert.That(related.Single(r => r.Id == extradition.Id).Persons, Is.EqualTo(new[] { 0 }));
        }
    }

    [Test]
    public async Task Related_AccentsAndCase_Ignored()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var one = await CreateDraftAsync(mali, Concerning(MlaDraft("SEN"), "Aïssata Traoré"));
        var other = await CreateDraftAsync(mali, Concerning(MlaDraft("CIV"), "AISSATA TRAORE"));
        await CreateDraftAsync(mali, Concerning(MlaDraft("CIV"), "Aïssata Touré"));

        Assert.That((await RelatedAsync(mali, one.Id)).Select(r => r.Id), Is.EqualTo(new[] { other.Id }));
    }

    [Test]
    public async Task Related_AThirdStatesRequest_NeverShown()
    {
        using var niger = await CreateClientAsAsync("ner.ca");
        var nigerToSenegal = await CreateDraftAsync(niger, Concerning(MlaDraft("SEN"), "Mohamed Ould Ahmed"));
        await StepAsync(niger, nigerToSenegal, "transmit", new { occurredOn = TodayText, channel = "central-authority", language = "fr" });
        using var mali = await CreateClientAsAsync("mli.ca");
        var mine = await CreateDraftAsync(mali, Concerning(MlaDraft("SEN"), "Mohamed Ould Ahmed"));
        using var senegal = await CreateClientAsAsync("sen.ca");

        var forMali = await RelatedAsync(mali, mine.Id);
        var forSenegal = await RelatedAsync(senegal, nigerToSenegal.Id);

        Assert.That(forMali, Is.Empty);
        Assert.That(forSenegal, Is.Empty, "Mali's draft is Mali's alone");
    }

    [Test]
    public async Task Related_ARequestTheCallerCannotSee_Answers404()
    {
        using var niger = await CreateClientAsAsync("ner.ca");
        var nigerDraft = await CreateDraftAsync(niger, Concerning(MlaDraft("SEN"), "Mohamed Ould Ahmed"));
        using var mali = await CreateClientAsAsync("mli.ca");

        var response = await mali.GetAsync($"/api/requests/{nigerDraft.Id}/related");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    /// <summary>
    /// A person sought everywhere: the fifty most recent related requests the caller sees, each once with
    /// every person and key that matched, chosen after the visibility (a third State's more recent ones
    /// never take a place).
    /// </summary>
    [Test]
    public async Task Related_MoreThanTheLimit_TheMostRecentVisibleOnesEachOnceWithEveryMatch()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        using var niger = await CreateClientAsAsync("ner.ca");
        var asked = await CreateDraftAsync(mali, Concerning(MlaDraft("SEN"), "Aïssata Traoré", "P7654321"));
        List<Guid> visible = [];
        for (var i = 0; i < GetRelatedRequestsHandler.Limit + 2; i++)
        {
            Factory.Clock.Advance(TimeSpan.FromSeconds(1));
            // Every other one also has the same identity document: two keys matched, one entry.
            visible.Add((await CreateDraftAsync(mali, Concerning(MlaDraft("CIV"), "Aissata Traore", i % 2 == 0 ? "p 765 4321" : null))).Id);
        }

        for (var i = 0; i < 3; i++)
        {
            Factory.Clock.Advance(TimeSpan.FromSeconds(1));
            await CreateDraftAsync(niger, Concerning(MlaDraft("SEN"), "Aissata Traore"));
        }

        var related = await RelatedAsync(mali, asked.Id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(related.Select(r => r.Id), Is.EqualTo(visible.AsEnumerable().Reverse().Take(GetRelatedRequestsHandler.Limit)));
            Assert.That(related.Select(r => r.Match), Is.EqualTo(visible.AsEnumerable().Reverse().Take(GetRelatedRequestsHandler.Limit)
                .Select(id => visible.IndexOf(id) % 2 == 0 ? "identity-document" : "name")));
            Assert.That(related.Select(r => r.Persons), Has.All.EqualTo(new[] { 0 }));
        }
    }

    private static async Task<List<RelatedRequestDto>> RelatedAsync(HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/requests/{id}/related");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<List<RelatedRequestDto>>(Json))!;
    }
}
