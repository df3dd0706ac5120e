using System.Net;
using Microsoft.AspNetCore.Http;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Features.Requests;

namespace Mla.Api.Tests.Infrastructure.Hosting;

/// <summary>
/// Bodies are read strictly: a field given twice (whose last value would silently win) or a field Mla
/// does not know is a 400 naming it, and nothing is stored.
/// </summary>
public sealed class MlaJsonTests(DatabaseEngine engine) : RequestTest(engine)
{
    [TestCase("""{"kind":"mla","requestedState":"SEN","subject":"Financing","subject":"Something else"}""", "subject")]
    [TestCase("""{"kind":"mla","requestedState":"SEN","requestedState":"NER"}""", "requestedState")]
    [TestCase("""{"kind":"mla","requestedState":"SEN","persons":[{"role":"suspect","fullName":"A","fullName":"B"}]}""", "persons[0].fullName")]
    [TestCase("""{"kind":"mla","requestedState":"SEN","warrant":{"reference":"A","reference":"B"}}""", "warrant.reference")]
    public async Task CreateDraft_FieldGivenTwice_Answers400NamingItAndStoresNothing(string json, string field)
    {
        using var mali = await CreateClientAsAsync("mli.ca");

        var response = await mali.PostAsync("/api/requests", JsonBodies.Raw(json));

        await AssertProblemNamesAsync(response, field, "more than once");
        Assert.That(await CountAsync("requests"), Is.Zero);
    }

    [Test]
    public async Task IssueToken_UsernameGivenTwice_Answers400()
    {
        await EnsureUserAsync("mli.ca");
        using var client = CreateClient();

        var response = await client.PostAsync("/api/auth/token", JsonBodies.Raw($$"""{"username":"nobody","username":"mli.ca","password":"{{TestPassword}}"}"""));

        await AssertProblemNamesAsync(response, "username", "more than once");
    }

    [Test]
    public async Task CreateDraft_UnknownNestedField_Answers400NamingIt()
    {
        using var mali = await CreateClientAsAsync("mli.ca");

        var response = await mali.PostAsync("/api/requests", JsonBodies.Raw("""{"kind":"mla","requestedState":"SEN","persons":[{"role":"suspect","middleName":"A"}]}"""));

        await AssertProblemNamesAsync(response, "persons[0].middleName", "Not a field");
        Assert.That(await CountAsync("requests"), Is.Zero);
    }

    private static async Task AssertProblemNamesAsync(HttpResponseMessage response, string field, string message)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var problem = System.Text.Json.JsonSerializer.Deserialize<HttpValidationProblemDetails>(body, Json)!;
        Assert.That(problem.Errors.Keys, Does.Contain(field), body);
        Assert.That(problem.Errors[field], Has.Some.Contains(message), body);
    }
}
