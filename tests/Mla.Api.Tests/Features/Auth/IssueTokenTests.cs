using System.Net;
using System.Net.Http.Json;
using Dapper;
using Microsoft.IdentityModel.JsonWebTokens;
using Mla.Api.Features.Auth;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Infrastructure;

namespace Mla.Api.Tests.Features.Auth;

public sealed class IssueTokenTests(DatabaseEngine engine) : ApiTest(engine)
{
    [Test]
    public async Task IssueToken_RightPassword_ReturnsSignedTokenWithUserRoleAndState()
    {
        var user = await EnsureUserAsync("mli.ca");
        using var client = CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/token", new { username = "mli.ca", password = TestPassword });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var token = await response.Content.ReadFromJsonAsync<TokenDto>();
        var jwt = new JsonWebToken(token!.AccessToken);
        Assert.Multiple(() =>
        {
            Assert.That(jwt.Alg, Is.EqualTo("HS256"));
            Assert.That(jwt.Subject, Is.EqualTo(user.Id.ToString()));
            Assert.That(jwt.GetClaim("role").Value, Is.EqualTo("central-authority"));
            Assert.That(jwt.GetClaim("mla_state").Value, Is.EqualTo("MLI"));
            Assert.That(token.ExpiresAt, Is.EqualTo(Factory.Clock.GetUtcNow().AddMinutes(30)).Within(TimeSpan.FromMinutes(1)));
        });
    }

    [Test]
    public async Task IssueToken_UsernameInAnotherCase_IsTheSameUser()
    {
        await EnsureUserAsync("sen.fp");
        using var client = CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/token", new { username = "SEN.FP", password = TestPassword });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task IssueToken_WrongPassword_Answers401Problem()
    {
        await EnsureUserAsync("mli.ca");
        using var client = CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/token", new { username = "mli.ca", password = "not the password" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain("not the password"));
    }

    [Test]
    public async Task IssueToken_UnknownUser_Answers401LikeAWrongPassword()
    {
        using var client = CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/token", new { username = "nobody", password = TestPassword });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Mvc.ProblemDetails>();
        Assert.That(problem!.Detail, Does.Contain("username or password is wrong"));
    }

    [Test]
    public async Task IssueToken_FiveWrongPasswords_LockTheAccountEvenForTheRightPassword()
    {
        await EnsureUserAsync("mli.ca");
        using var client = CreateClient();

        for (var attempt = 1; attempt <= 5; attempt++)
        {
            var wrong = await client.PostAsJsonAsync("/api/auth/token", new { username = "mli.ca", password = $"wrong {attempt}" });
            Assert.That(wrong.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        }

        var right = await client.PostAsJsonAsync("/api/auth/token", new { username = "mli.ca", password = TestPassword });

        Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized), "locked for 15 minutes");
    }

    [Test]
    public async Task IssueToken_FourWrongPasswords_DoNotLock()
    {
        await EnsureUserAsync("mli.ca");
        using var client = CreateClient();
        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await client.PostAsJsonAsync("/api/auth/token", new { username = "mli.ca", password = $"wrong {attempt}" });
        }

        var right = await client.PostAsJsonAsync("/api/auth/token", new { username = "mli.ca", password = TestPassword });

        Assert.That(right.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task IssueToken_LockedAccountAfterFifteenMinutes_AcceptsTheRightPasswordAgain()
    {
        await EnsureUserAsync("mli.ca");
        using var client = CreateClient();
        for (var attempt = 1; attempt <= 5; attempt++)
        {
            await client.PostAsJsonAsync("/api/auth/token", new { username = "mli.ca", password = $"wrong {attempt}" });
        }

        Factory.Clock.Advance(TimeSpan.FromMinutes(14));
        var tooEarly = await client.PostAsJsonAsync("/api/auth/token", new { username = "mli.ca", password = TestPassword });
        Factory.Clock.Advance(TimeSpan.FromMinutes(2));
        var after = await client.PostAsJsonAsync("/api/auth/token", new { username = "mli.ca", password = TestPassword });

        Assert.That(tooEarly.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        await using var connection = await OpenConnectionAsync();
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT failed_sign_ins FROM users WHERE username = 'mli.ca'"), Is.Zero);
    }

    [Test]
    public async Task IssueToken_DisabledUser_Answers401()
    {
        var user = await EnsureUserAsync("sen.ca");
        using var admin = await CreateClientAsAsync("admin");
        (await admin.PostAsync($"/api/admin/users/{user.Id}/disable", null)).EnsureSuccessStatusCode();
        using var client = CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/token", new { username = "sen.ca", password = TestPassword });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [TestCase("mli.ca\n")]
    [TestCase("mli.ca\r\n")]
    [TestCase("mli.ca\t")]
    [TestCase("mli.\u202Eac")]
    public async Task IssueToken_UsernameNotOnOneLine_Answers400(string username)
    {
        await EnsureUserAsync("mli.ca");
        using var client = CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/token", new { username, password = TestPassword });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>();
        Assert.That(problem!.Errors.Keys, Does.Contain("username"));
    }

    [Test]
    public async Task IssueToken_UnknownUsername_IsNeverLoggedAsTyped()
    {
        using var client = CreateClient();
        Factory.Logs.Clear();

        // A password typed in the username field by mistake.
        var response = await client.PostAsJsonAsync("/api/auth/token", new { username = "Tr0ub4dor&3-in-the-wrong-field", password = "mli.ca" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        var logs = Factory.Logs.Entries;
        Assert.That(logs.Select(log => log.Message), Has.Some.Contains("unknown username"), "the refusal is logged");
        Assert.That(logs.Where(log => log.Contains("Tr0ub4dor")).Select(log => log.Message), Is.Empty, "what was typed, in any case");
    }

    [TestCase("unknown user")]
    [TestCase("wrong password")]
    [TestCase("locked")]
    [TestCase("disabled")]
    public async Task IssueToken_EveryRefusal_VerifiesOnePasswordHash(string refusal)
    {
        var user = await EnsureUserAsync("sen.ca");
        using var client = CreateClient();
        var username = refusal == "unknown user" ? "nobody.here" : "sen.ca";
        var password = refusal == "wrong password" ? "not the password" : TestPassword;
        if (refusal == "locked")
        {
            for (var attempt = 1; attempt <= 5; attempt++)
            {
                await client.PostAsJsonAsync("/api/auth/token", new { username, password = $"wrong {attempt}" });
            }
        }
        else if (refusal == "disabled")
        {
            using var admin = await CreateClientAsAsync("admin");
            (await admin.PostAsync($"/api/admin/users/{user.Id}/disable", null)).EnsureSuccessStatusCode();
        }

        var before = Factory.PasswordHasher.Verifications;
        var response = await client.PostAsJsonAsync("/api/auth/token", new { username, password });
        var verifications = Factory.PasswordHasher.Verifications - before;

        // The hash is the cost of a sign-in (tens of milliseconds): a refusal that skips it tells the username exists, or not.
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
        Assert.That(verifications, Is.EqualTo(1));
    }

    [Test]
    public async Task IssueToken_MissingPassword_Answers400WithFieldError()
    {
        using var client = CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/token", new { username = "mli.ca", password = "" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>();
        Assert.That(problem!.Errors.Keys, Does.Contain("password"));
    }
}
