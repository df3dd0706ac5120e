using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mla.Api.Infrastructure.Data;
using Mla.Domain.Requests;

namespace Mla.Api.Tests.Features.Requests;

public sealed class CreateDraftTests(DatabaseEngine engine) : RequestTest(engine)
{
    [Test]
    public async Task CreateDraft_CentralAuthority_Returns201WithLocationETagAndNoReferenceNumber()
    {
        using var client = await CreateClientAsAsync("mli.ca");

        var response = await client.PostAsJsonAsync("/api/requests", MlaDraft(), Json);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var draft = await ReadRequestAsync(response);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/requests/{draft.Id}"));
            Assert.That(ETagOf(response), Is.EqualTo("\"1\""));
            Assert.That(draft.Status, Is.EqualTo(RequestStatus.Draft));
            Assert.That(draft.ReferenceNumber, Is.Null);
            Assert.That(draft.Content.LegalBases, Is.EqualTo(new[] { "ecowas-mla-1992", "untoc-2000" }));
            Assert.That(draft.Content.InvestigatingAuthority?.Function, Is.EqualTo("Investigating judge"));
            Assert.That(draft.Content.Offences.Single().MaxPenalty, Is.EqualTo("20 years"));
            Assert.That(draft.Content.Persons.Single().DateOfBirth, Is.EqualTo(new DateOnly(1980, 1, 2)));
            Assert.That(draft.Content.Assistance[1].Procedure, Is.EqualTo("Testimony under oath"));
            Assert.That(draft.Content.Confidential, Is.True);
        }

        Assert.That(await CountAsync("request_events"), Is.EqualTo(1), "the creation is the first event of the timeline");
    }

    [Test]
    public async Task CreateDraft_UnknownCodesInvalidStatesAndFutureDates_Returns400WithEveryFieldAndStoresNothing()
    {
        using var client = await CreateClientAsAsync("mli.ca");
        var body = MlaDraft("sen");
        body["legalBases"] = new[] { "ecowas-mla-1992", "bank-secrecy-treaty" };
        body["offences"] = new[] { new { category = "jaywalking", description = "x", legalProvision = "y", maxPenalty = "z" } };
        body["persons"] = new[]
        {
            new { role = "suspect", fullName = "Test Person", nationality = "ml", dateOfBirth = Today.AddDays(3).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
        };
        body["subject"] = new string('s', 2001);

        var response = await client.PostAsJsonAsync("/api/requests", body, Json);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.That(errors.EnumerateObject().Select(p => p.Name), Is.SupersetOf(new[]
        {
            "requestedState", "legalBases[1]", "offences[0].category", "persons[0].nationality", "persons[0].dateOfBirth", "subject",
        }));
        Assert.That(await CountAsync("requests"), Is.Zero);
    }

    // Codes of the domain are enums in the body: an unknown one is named with the codes it may take,
    // never with the .NET type it failed to convert to.
    [TestCase("kind", "rogatory-letter", "Must be one of: mla, extradition, provisional-arrest.")]
    [TestCase("urgency", "very-urgent", "Must be one of: normal, urgent.")]
    [TestCase("extraditionPurpose", "revenge", "Must be one of: prosecution, sentence.")]
    public async Task CreateDraft_UnknownDomainCode_Returns400NamingTheFieldAndItsCodes(string field, string code, string message)
    {
        using var client = await CreateClientAsAsync("mli.ca");
        var body = MlaDraft();
        body[field] = code;

        var response = await client.PostAsJsonAsync("/api/requests", body, Json);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var text = await response.Content.ReadAsStringAsync();
        var errors = JsonDocument.Parse(text).RootElement.GetProperty("errors");
        Assert.That(errors.GetProperty(field)[0].GetString(), Is.EqualTo(message));
        Assert.That(text, Does.Not.Contain("Mla.").And.Not.Contain("System."));
        Assert.That(await CountAsync("requests"), Is.Zero);
    }

    // Any State may be requested, even outside the networks (FRA), but only one that exists.
    [TestCase("XXX", false)]
    [TestCase("ZZZ", false)]
    [TestCase("FRA", true)]
    public async Task CreateDraft_RequestedState_MustBeAnAssignedCountryCode(string state, bool accepted)
    {
        using var client = await CreateClientAsAsync("mli.ca");

        var response = await client.PostAsJsonAsync("/api/requests", MlaDraft(state), Json);

        Assert.That(response.StatusCode, Is.EqualTo(accepted ? HttpStatusCode.Created : HttpStatusCode.BadRequest));
        Assert.That(await CountAsync("requests"), Is.EqualTo(accepted ? 1 : 0));
    }

    [Test]
    public async Task CreateDraft_RequestedStateIsOwnState_Returns400()
    {
        using var client = await CreateClientAsAsync("mli.ca");

        var response = await client.PostAsJsonAsync("/api/requests", MlaDraft("MLI"), Json);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.That(errors.TryGetProperty("requestedState", out _), Is.True);
    }

    [Test]
    public async Task CreateDraft_NullListOrUnknownMember_Returns400()
    {
        using var client = await CreateClientAsAsync("mli.ca");
        var nullList = MlaDraft();
        nullList["offences"] = null;
        var unknown = MlaDraft();
        unknown["status"] = "executed";

        var nullResponse = await client.PostAsJsonAsync("/api/requests", nullList, Json);
        var unknownResponse = await client.PostAsJsonAsync("/api/requests", unknown, Json);

        Assert.That(nullResponse.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await nullResponse.Content.ReadAsStringAsync());
        Assert.That(unknownResponse.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await CountAsync("requests"), Is.Zero);
    }

    [Test]
    public async Task CreateDraft_StateOutsideReferenceData_IsAcceptedAsRequestedState()
    {
        using var client = await CreateClientAsAsync("mli.ca");

        var draft = await CreateDraftAsync(client, MlaDraft("FRA"));

        Assert.That(draft.Content.RequestedState, Is.EqualTo("FRA"));
    }

    [TestCase("sen.fp")]
    [TestCase("ner.pros")]
    [TestCase("sjcp.sec")]
    [TestCase("admin")]
    public async Task CreateDraft_NotACentralAuthority_Returns403(string username)
    {
        using var client = await CreateClientAsAsync(username);

        var response = await client.PostAsJsonAsync("/api/requests", MlaDraft("BEN"), Json);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await CountAsync("requests"), Is.Zero);
    }

    [Test]
    public async Task CreateDraft_SameIdempotencyKeyAndBodyTwice_CreatesOneDraftAndReplaysTheResponse()
    {
        using var client = await CreateClientAsAsync("mli.ca");

        var first = await PostWithKeyAsync(client, MlaDraft(), "create-1");
        var second = await PostWithKeyAsync(client, MlaDraft(), "create-1");

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That((await ReadRequestAsync(second)).Id, Is.EqualTo((await ReadRequestAsync(first)).Id));
        Assert.That(await CountAsync("requests"), Is.EqualTo(1));
    }

    [Test]
    public async Task CreateDraft_SameIdempotencyKeyDifferentBody_Returns422()
    {
        using var client = await CreateClientAsAsync("mli.ca");
        await PostWithKeyAsync(client, MlaDraft(), "create-2");

        var second = await PostWithKeyAsync(client, MlaDraft("NER"), "create-2");

        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await CountAsync("requests"), Is.EqualTo(1));
    }

    [Test]
    public async Task CreateDraft_SameIdempotencyKeyFromAnotherUser_ActsForThatUser()
    {
        using var first = await CreateClientAsAsync("mli.ca");
        using var second = await CreateClientAsAsync("mli.ca2");

        await PostWithKeyAsync(first, MlaDraft(), "shared-key");
        var response = await PostWithKeyAsync(second, MlaDraft(), "shared-key");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(await CountAsync("requests"), Is.EqualTo(2));
    }

    private static Task<HttpResponseMessage> PostWithKeyAsync(HttpClient client, object body, string key)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, "/api/requests") { Content = JsonContent.Create(body, options: Json) };
        message.Headers.Add("Idempotency-Key", key);
        return client.SendAsync(message);
    }
}
