using System.Net;
using System.Net.Http.Json;
using System.Text;

namespace Mla.Api.Tests.Infrastructure;

/// <summary>Every error is an RFC 9457 problem document.</summary>
public sealed class ProblemResponseTests : EngineIndependentApiTest
{
    [Test]
    public async Task UnknownRoute_Answers404Problem()
    {
        using var client = await CreateSignedInClientAsync();

        var response = await client.GetAsync("/api/no-such-thing");

        await AssertProblemAsync(response, HttpStatusCode.NotFound);
    }

    [Test]
    public async Task MalformedJson_Answers400Problem()
    {
        using var client = CreateClient();

        var response = await client.PostAsync("/api/auth/token", new StringContent("{\"username\": \"mli.ca\", ", Encoding.UTF8, "application/json"));

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("not valid JSON"));
    }

    [Test]
    public async Task UnknownJsonField_Answers400Problem()
    {
        using var client = CreateClient();

        var response = await client.PostAsync("/api/auth/token", new StringContent("""{"username":"mli.ca","password":"x","admin":true}""", Encoding.UTF8, "application/json"));

        await AssertProblemAsync(response, HttpStatusCode.BadRequest);
    }

    [Test]
    public async Task WrongContentType_Answers415Problem()
    {
        using var client = await CreateClientAsAsync("admin");

        var response = await client.PostAsync("/api/admin/users", new StringContent("username=x&password=y", Encoding.UTF8, "application/x-www-form-urlencoded"));

        await AssertProblemAsync(response, HttpStatusCode.UnsupportedMediaType);
    }

    [Test]
    public async Task QueryParameterOfTheWrongForm_Answers400NamingTheParameterWithoutEchoingTheValue()
    {
        using var client = await CreateClientAsAsync("mli.ca");

        var response = await client.GetAsync("/api/requests?page=Amadou-Traore-99999999999");

        var problem = await AssertProblemAsync(response, HttpStatusCode.BadRequest);
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain("'page'").And.Not.Contain("Amadou"));
    }

    [Test]
    public async Task Forbidden_Answers403Problem()
    {
        using var client = await CreateClientAsAsync("mli.ca");

        var response = await client.GetAsync("/api/admin/users");

        await AssertProblemAsync(response, HttpStatusCode.Forbidden);
    }

    private static async Task<System.Text.Json.JsonElement> AssertProblemAsync(HttpResponseMessage response, HttpStatusCode expected)
    {
        Assert.That(response.StatusCode, Is.EqualTo(expected));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var problem = await response.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>();
        Assert.That(problem.GetProperty("status").GetInt32(), Is.EqualTo((int)expected));
        Assert.That(problem.GetProperty("title").GetString(), Is.Not.Empty);
        return problem;
    }
}
