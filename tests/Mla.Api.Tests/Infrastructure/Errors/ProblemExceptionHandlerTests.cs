using System.Net;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Features.Requests;

namespace Mla.Api.Tests.Infrastructure.Errors;

/// <summary>A malformed body is a 400 problem that names the field and what it accepts, never a .NET type nor the value sent.</summary>
public sealed class ProblemExceptionHandlerTests(DatabaseEngine engine) : RequestTest(engine)
{
    private static IEnumerable<TestCaseData> MalformedDrafts()
    {
        yield return Case("""{"kind":"mla","investigatingAuthority":"Bamako"}""", "investigatingAuthority", "a string for an object");
        yield return Case("""{"kind":"mla","warrant":[]}""", "warrant", "an array for an object");
        yield return Case("""{"kind":"mla","persons":{"role":"suspect"}}""", "persons", "an object for an array");
        yield return Case("""{"kind":"mla","persons":[["suspect"]]}""", "persons[0]", "an array for an object in an array");
        yield return Case("""{"kind":"mla","persons":[{"role":"suspect","dateOfBirth":"yesterday"}]}""", "persons[0].dateOfBirth", "a date of the wrong form");
        yield return Case("""{"kind":"mla","subject":{"text":"x"}}""", "subject", "an object for a string");
        yield return Case("""{"kind":"mla","confidential":"yes"}""", "confidential", "a string for a boolean");
        yield return Case("""{"kind":"mla","supplements":"not-a-uuid"}""", "supplements", "a malformed id");
        yield return Case("""{"kind":"mla","urgency":2}""", "urgency", "a number for a code");
        yield return Case("""{"kind":"letter"}""", "kind", "an unknown code");
        yield return Case("""[]""", null, "an array for the body");
        yield return Case("""  "a draft" """, null, "a string for the body");
        yield return Case("""{"kind":"mla",""", null, "truncated JSON");
    }

    [TestCaseSource(nameof(MalformedDrafts))]
    public async Task CreateDraft_MalformedBody_Answers400ProblemNamingNoDotNetType(string json, string? field)
    {
        using var mali = await CreateClientAsAsync("mli.ca");

        var response = await mali.PostAsync("/api/requests", JsonBodies.Raw(json));

        var body = await AssertCleanProblemAsync(response);
        if (field is not null)
        {
            Assert.That(body, Does.Contain($"\"{field}\""));
        }

        Assert.That(await CountAsync("requests"), Is.Zero);
    }

    [TestCase("transmit", """{"occurredOn":"2026-13-45","channel":"central-authority","language":"fr"}""")]
    [TestCase("transmit", """{"occurredOn":[],"channel":{},"language":1}""")]
    [TestCase("refusal", """{"occurredOn":"2026-01-01","grounds":"political","reasons":"x"}""")]
    public async Task Transition_MalformedBody_Answers400ProblemNamingNoDotNetType(string step, string json)
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(mali);
        using var message = new HttpRequestMessage(HttpMethod.Post, $"/api/requests/{draft.Id}/{step}") { Content = JsonBodies.Raw(json) };
        message.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{draft.Version}\""));

        var response = await mali.SendAsync(message);

        await AssertCleanProblemAsync(response);
        Assert.That((await GetRequestAsync(mali, draft.Id)).Version, Is.EqualTo(draft.Version));
    }

    [TestCase("")]
    [TestCase("null")]
    [TestCase("""{"username":["mli.ca"],"password":"x"}""")]
    [TestCase("""{"username":"mli.ca","password":{"value":"x"}}""")]
    public async Task IssueToken_MalformedBody_Answers400ProblemNamingNoDotNetType(string json)
    {
        using var client = CreateClient();

        var response = await client.PostAsync("/api/auth/token", JsonBodies.Raw(json));

        await AssertCleanProblemAsync(response);
    }

    private static TestCaseData Case(string json, string? field, string what) =>
        new TestCaseData(json, field).SetName($"{{m}}({what})");

    private static async Task<string> AssertCleanProblemAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"), body);
            Assert.That(body, Does.Not.Contain("Mla.").And.Not.Contain("System.").And.Not.Contain("Microsoft."), body);
            Assert.That(body, Does.Not.Contain("Nullable").And.Not.Contain("`1"), body);
        }

        return body;
    }
}
