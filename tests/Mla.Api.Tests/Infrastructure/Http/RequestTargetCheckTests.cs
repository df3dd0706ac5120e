using System.Net;
using System.Net.Http.Json;
using Mla.Api.Infrastructure.Data;

namespace Mla.Api.Tests.Infrastructure.Http;

/// <summary>
/// A path holding a control character once decoded is a 400 problem, before authentication and routing.
/// <c>%00</c> itself cannot be sent here: the test host refuses it in the client, and Kestrel refuses it
/// with an empty 400 before any middleware runs (see <see cref="Mla.Api.Infrastructure.Http.RequestTargetCheck"/>).
/// </summary>
public sealed class RequestTargetCheckTests(DatabaseEngine engine) : ApiTest(engine)
{
    [TestCase("/%0A")]
    [TestCase("/api/requests/%01")]
    [TestCase("/api/requests%0D%0A")]
    [TestCase("/api/requests/%1B%5B2J")]
    [TestCase("/api/requests/%7F")]
    public async Task PathWithAControlCharacter_Answers400Problem(string path)
    {
        using var client = CreateClient();

        var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>();
        Assert.That(problem!.Detail, Does.Contain("control character"));
    }
}
