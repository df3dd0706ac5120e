using System.Net;
using System.Net.Http.Json;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Infrastructure;

namespace Mla.Api.Tests.Features.Auth;

/// <summary>The token endpoint is rate-limited per client address (a limit of 3 per minute here).</summary>
public sealed class TokenRateLimitTests
{
    [Test]
    public async Task IssueToken_MoreRequestsThanTheLimit_Answers429Problem()
    {
        await using var database = await TestDatabase.CreateAsync(DatabaseEngine.Sqlite);
        await using var factory = new MlaApiFactory(database, settings: new Dictionary<string, string> { ["Authentication:TokenRequestsPerMinute"] = "3" });
        using var client = factory.CreateClient();

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 4; i++)
        {
            statuses.Add((await client.PostAsJsonAsync("/api/auth/token", new { username = "nobody", password = "whatever" })).StatusCode);
        }

        Assert.That(statuses, Is.EqualTo(new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.Unauthorized, HttpStatusCode.TooManyRequests }));
    }
}
