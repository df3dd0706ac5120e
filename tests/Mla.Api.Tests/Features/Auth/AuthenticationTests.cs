using System.Net;
using System.Net.Http.Headers;
using System.Security.Claims;
using System.Text;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Infrastructure;

namespace Mla.Api.Tests.Features.Auth;

/// <summary>Which bearer tokens the API accepts: only Mla's own, signed with its key, unexpired, of an active user.</summary>
public sealed class AuthenticationTests(DatabaseEngine engine) : ApiTest(engine)
{
    [Test]
    public async Task ProtectedEndpoint_NoToken_Answers401Problem()
    {
        using var client = CreateClient();

        var response = await client.GetAsync("/api/reference/states");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [TestCase("/health/live")]
    [TestCase("/health/ready")]
    [TestCase("/openapi/v1.json")]
    [TestCase("/scalar")]
    public async Task PublicEndpoint_NoToken_IsServed(string path)
    {
        using var client = CreateClient();

        var response = await client.GetAsync(path);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ProtectedEndpoint_ValidToken_IsServed()
    {
        using var client = await CreateClientAsAsync("mli.pros");

        var response = await client.GetAsync("/api/reference/states");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task ProtectedEndpoint_ExpiredToken_Answers401()
    {
        var user = await EnsureUserAsync("mli.ca");
        var token = Forge(user.Id, new SymmetricSecurityKey(MlaApiFactory.SigningKey), expires: DateTime.UtcNow.AddMinutes(-5));

        var response = await GetMeWithAsync(token);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task ProtectedEndpoint_TokenSignedWithAnotherKey_Answers401()
    {
        var user = await EnsureUserAsync("mli.ca");
        var otherKey = new SymmetricSecurityKey(Encoding.UTF8.GetBytes("another key, not the service's own, 48 bytes long!"));
        var token = Forge(user.Id, otherKey, expires: DateTime.UtcNow.AddMinutes(10));

        var response = await GetMeWithAsync(token);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task ProtectedEndpoint_TokenWithAlgNone_Answers401()
    {
        var user = await EnsureUserAsync("admin");
        static string Encode(string json) => Base64UrlEncoder.Encode(json);
        var expires = DateTimeOffset.UtcNow.AddMinutes(10).ToUnixTimeSeconds();
        var token = $"{Encode("""{"alg":"none","typ":"JWT"}""")}.{Encode($$"""{"sub":"{{user.Id}}","role":"admin","iss":"mla","aud":"mla-api","exp":{{expires}}}""")}.";

        var response = await GetMeWithAsync(token);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task ProtectedEndpoint_TokenForAnotherAudience_Answers401()
    {
        var user = await EnsureUserAsync("mli.ca");
        var token = Forge(user.Id, new SymmetricSecurityKey(MlaApiFactory.SigningKey), expires: DateTime.UtcNow.AddMinutes(10), audience: "someone-else");

        var response = await GetMeWithAsync(token);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task ProtectedEndpoint_TokenOfAUserDisabledSince_Answers401AtOnce()
    {
        using var client = await CreateClientAsAsync("sen.ca");
        Assert.That((await client.GetAsync("/api/me")).StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var user = await EnsureUserAsync("sen.ca");
        using var admin = await CreateClientAsAsync("admin");

        (await admin.PostAsync($"/api/admin/users/{user.Id}/disable", null)).EnsureSuccessStatusCode();

        Assert.That((await client.GetAsync("/api/me")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [Test]
    public async Task ForgedTokenWithTheRightKey_IsAccepted_SoTheRejectionsAboveAreAboutTheirFlaw()
    {
        var user = await EnsureUserAsync("mli.ca");
        var token = Forge(user.Id, new SymmetricSecurityKey(MlaApiFactory.SigningKey), expires: DateTime.UtcNow.AddMinutes(10));

        var response = await GetMeWithAsync(token);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [TestCase("expired")]
    [TestCase("signed with another key")]
    [TestCase("for another audience")]
    [TestCase("not a token")]
    public async Task ProtectedEndpoint_RefusedToken_ChallengesWithABareBearerThatSaysNotWhy(string flaw)
    {
        var user = await EnsureUserAsync("mli.ca");
        var key = new SymmetricSecurityKey(MlaApiFactory.SigningKey);
        var token = flaw switch
        {
            "expired" => Forge(user.Id, key, expires: DateTime.UtcNow.AddMinutes(-5)),
            "signed with another key" => Forge(user.Id, new SymmetricSecurityKey(Encoding.UTF8.GetBytes("another key, not the service's own, 48 bytes long!")), expires: DateTime.UtcNow.AddMinutes(10)),
            "for another audience" => Forge(user.Id, key, expires: DateTime.UtcNow.AddMinutes(10), audience: "someone-else"),
            _ => "not.a.token",
        };

        var response = await GetMeWithAsync(token);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.WwwAuthenticate.Select(challenge => challenge.ToString()), Is.EqualTo(new[] { "Bearer" }));
    }

    [Test]
    public async Task ProtectedEndpoint_TokenOfADisabledUser_ChallengesWithABareBearer()
    {
        using var client = await CreateClientAsAsync("sen.ca");
        var user = await EnsureUserAsync("sen.ca");
        using var admin = await CreateClientAsAsync("admin");
        (await admin.PostAsync($"/api/admin/users/{user.Id}/disable", null)).EnsureSuccessStatusCode();

        var response = await client.GetAsync("/api/me");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Headers.WwwAuthenticate.Select(challenge => challenge.ToString()), Is.EqualTo(new[] { "Bearer" }));
    }

    private async Task<HttpResponseMessage> GetMeWithAsync(string token)
    {
        using var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return await client.GetAsync("/api/me");
    }

    private static string Forge(Guid userId, SecurityKey key, DateTime expires, string audience = "mla-api") =>
        new JsonWebTokenHandler().CreateToken(new SecurityTokenDescriptor
        {
            Issuer = "mla",
            Audience = audience,
            Subject = new ClaimsIdentity([new Claim("sub", userId.ToString()), new Claim("role", "central-authority"), new Claim("mla_state", "MLI")]),
            NotBefore = expires.AddMinutes(-30),
            IssuedAt = expires.AddMinutes(-30),
            Expires = expires,
            SigningCredentials = new SigningCredentials(key, SecurityAlgorithms.HmacSha256),
        });
}
