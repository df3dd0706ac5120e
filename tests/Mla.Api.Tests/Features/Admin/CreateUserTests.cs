using System.Net;
using System.Net.Http.Json;
using Dapper;
using Mla.Api.Features.Admin;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Infrastructure;

namespace Mla.Api.Tests.Features.Admin;

public sealed class CreateUserTests(DatabaseEngine engine) : ApiTest(engine)
{
    private static object NewFocalPoint(string username = "gha.fp") => new
    {
        username,
        displayName = "Kwame Mensah",
        password = "a long enough password",
        role = "focal-point",
        state = "GHA",
        functionTitle = "WACAP contact point",
        email = "kwame@example.org",
    };

    [Test]
    public async Task CreateUser_Admin_Creates201AndTheUserCanSignIn()
    {
        using var admin = await CreateClientAsAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/admin/users", NewFocalPoint());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        var user = await response.Content.ReadFromJsonAsync<UserDto>();
        Assert.That(response.Headers.Location?.ToString(), Is.EqualTo($"/api/admin/users/{user!.Id}"));
        Assert.That(user.State, Is.EqualTo("GHA"));
        using var client = CreateClient();
        var token = await client.PostAsJsonAsync("/api/auth/token", new { username = "gha.fp", password = "a long enough password" });
        Assert.That(token.StatusCode, Is.EqualTo(HttpStatusCode.OK));
    }

    [Test]
    public async Task CreateUser_Admin_PasswordIsStoredHashedAndTheChangeIsAudited()
    {
        using var admin = await CreateClientAsAsync("admin");

        await admin.PostAsJsonAsync("/api/admin/users", NewFocalPoint());

        await using var connection = await OpenConnectionAsync();
        var hash = await connection.ExecuteScalarAsync<string>("SELECT password_hash FROM users WHERE username = 'gha.fp'");
        Assert.That(hash, Is.Not.Null.And.Not.Contain("a long enough password"));
        var audited = await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM audit_entries WHERE action_code = 'create-user' AND entity_key = 'gha.fp' AND user_id IS NOT NULL");
        Assert.That(audited, Is.EqualTo(1));
    }

    [TestCase("mli.ca")]
    [TestCase("sen.fp")]
    [TestCase("mli.pros")]
    [TestCase("sjcp.sec")]
    public async Task CreateUser_NotAnAdmin_Answers403AndCreatesNothing(string username)
    {
        using var client = await CreateClientAsAsync(username);
        var before = await CountAsync("users");

        var response = await client.PostAsJsonAsync("/api/admin/users", NewFocalPoint());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await CountAsync("users"), Is.EqualTo(before));
    }

    [Test]
    public async Task CreateUser_InvalidInput_Answers400WithEveryFieldErrorAndCreatesNothing()
    {
        using var admin = await CreateClientAsAsync("admin");
        var before = await CountAsync("users");

        var response = await admin.PostAsJsonAsync("/api/admin/users", new
        {
            username = "Bad Name!",
            displayName = "",
            password = "short",
            role = "judge",
            state = "XYZ",
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>();
        Assert.That(problem!.Errors.Keys, Is.SupersetOf(new[] { "username", "displayName", "password", "role" }));
        Assert.That(await CountAsync("users"), Is.EqualTo(before));
    }

    [Test]
    public async Task CreateUser_StateRoleWithUnknownState_Answers400()
    {
        using var admin = await CreateClientAsAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/admin/users", new
        {
            username = "xyz.ca",
            displayName = "Someone",
            password = "a long enough password",
            role = "central-authority",
            state = "XYZ",
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>();
        Assert.That(problem!.Errors.Keys, Does.Contain("state"));
    }

    // States are stored upper-case and network codes lower-case: a code in another form is refused with
    // the form to use, never normalised, so the row holds exactly what was validated on every engine.
    [TestCase("central-authority", "state", "gha", "Use an upper-case ISO 3166-1 alpha-3 code, e.g. SEN.")]
    [TestCase("focal-point", "state", "Gha", "Use an upper-case ISO 3166-1 alpha-3 code, e.g. SEN.")]
    [TestCase("prosecutor", "state", "GHA\n", "Use an upper-case ISO 3166-1 alpha-3 code, e.g. SEN.")]
    [TestCase("secretariat", "network", "SJCP", "Use the network's lower-case code, e.g. sjcp.")]
    [TestCase("secretariat", "network", "sjcp\n", "Use the network's lower-case code, e.g. sjcp.")]
    public async Task CreateUser_CodeNotInItsCanonicalForm_Answers400NamingTheFormAndCreatesNothing(string role, string field, string code, string message)
    {
        using var admin = await CreateClientAsAsync("admin");
        var before = await CountAsync("users");

        var response = await admin.PostAsJsonAsync("/api/admin/users", new Dictionary<string, string>
        {
            ["username"] = "new.user",
            ["displayName"] = "New user",
            ["password"] = "a long enough password",
            ["role"] = role,
            [field] = code,
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>();
        Assert.That(problem!.Errors, Does.ContainKey(field));
        Assert.That(problem.Errors[field], Is.EqualTo(new[] { message }));
        Assert.That(await CountAsync("users"), Is.EqualTo(before));
    }

    [TestCase("focal-point", "state", "GHA", "state_iso3")]
    [TestCase("secretariat", "network", "wacap", "network_code")]
    public async Task CreateUser_CanonicalCode_IsStoredAsSent(string role, string field, string code, string column)
    {
        using var admin = await CreateClientAsAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/admin/users", new Dictionary<string, string>
        {
            ["username"] = "new.user",
            ["displayName"] = "New user",
            ["password"] = "a long enough password",
            ["role"] = role,
            [field] = code,
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        await using var connection = await OpenConnectionAsync();
        Assert.That(await connection.ExecuteScalarAsync<string>($"SELECT {column} FROM users WHERE username = 'new.user'"), Is.EqualTo(code));
    }

    // .NET's $ matches before a final newline: "gha.fp\n" used to be stored, and could never sign in.
    [Test]
    public async Task CreateUser_UsernameEndingWithANewline_Answers400()
    {
        using var admin = await CreateClientAsAsync("admin");
        var before = await CountAsync("users");

        var response = await admin.PostAsJsonAsync("/api/admin/users", new
        {
            username = "gha.fp\n",
            displayName = "Kwame Mensah",
            password = "a long enough password",
            role = "focal-point",
            state = "GHA",
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>();
        Assert.That(problem!.Errors.Keys, Is.EqualTo(new[] { "username" }));
        Assert.That(await CountAsync("users"), Is.EqualTo(before));
    }

    [Test]
    public async Task CreateUser_Admin_AuditDetailsUseTheApiJsonConventions()
    {
        using var admin = await CreateClientAsAsync("admin");

        await admin.PostAsJsonAsync("/api/admin/users", NewFocalPoint());

        await using var connection = await OpenConnectionAsync();
        var details = await connection.ExecuteScalarAsync<string>("SELECT details FROM audit_entries WHERE action_code = 'create-user' AND entity_key = 'gha.fp'");
        Assert.That(details, Is.EqualTo("""{"role":"focal-point","state":"GHA","network":null}"""));
    }

    [Test]
    public async Task CreateUser_SecretariatWithoutNetwork_Answers400()
    {
        using var admin = await CreateClientAsAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/admin/users", new
        {
            username = "sec2",
            displayName = "Secretariat",
            password = "a long enough password",
            role = "secretariat",
            state = "MLI",
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>();
        Assert.That(problem!.Errors.Keys, Is.SupersetOf(new[] { "network", "state" }));
    }

    [Test]
    public async Task CreateUser_UsernameTaken_Answers409()
    {
        using var admin = await CreateClientAsAsync("admin");
        await admin.PostAsJsonAsync("/api/admin/users", NewFocalPoint());

        var response = await admin.PostAsJsonAsync("/api/admin/users", NewFocalPoint());

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }
}
