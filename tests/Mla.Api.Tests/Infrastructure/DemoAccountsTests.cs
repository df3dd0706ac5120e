using Dapper;
using Mla.Api.Infrastructure.Auth;
using Mla.Api.Infrastructure.Data;

namespace Mla.Api.Tests.Infrastructure;

/// <summary>Demo accounts exist in Development (or with --seed-demo) and never in Production.</summary>
[TestFixtureSource(typeof(TestEngines), nameof(TestEngines.All))]
public sealed class DemoAccountsTests(DatabaseEngine engine)
{
    [Test]
    public async Task Startup_Development_SeedsEveryDemoAccountWithTheDemoPassword()
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var factory = new MlaApiFactory(database, "Development");
        using var client = factory.CreateClient();

        var usernames = await QueryUsernamesAsync(database);
        var signIn = await client.PostAsync("/api/auth/token", JsonContent($$"""{"username":"sen.fp","password":"{{DemoAccounts.DefaultPassword}}"}"""));

        Assert.That(usernames, Is.EquivalentTo(DemoAccounts.Usernames));
        Assert.That(usernames, Is.EquivalentTo(new[] { "mli.ca", "sen.ca", "ner.ca", "mli.fp", "sen.fp", "ner.fp", "mli.pros", "sen.pros", "sjcp.sec", "wacap.sec", "admin" }));
        Assert.That(signIn.IsSuccessStatusCode, Is.True);
    }

    [Test]
    public async Task Startup_Development_SeedsTwoDemoRequestsMadeThroughTheLifecycle()
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var factory = new MlaApiFactory(database, "Development");
        using var client = factory.CreateClient();
        var accessToken = await ApiTest.GetTokenAsync(client, "mli.ca", DemoAccounts.DefaultPassword);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);

        var list = System.Text.Json.JsonDocument.Parse(await client.GetStringAsync("/api/requests")).RootElement.GetProperty("items").EnumerateArray().ToList();
        var mla = list.Single(item => item.GetProperty("kind").GetString() == "mla");
        var pdf = await client.GetAsync($"/api/requests/{mla.GetProperty("id").GetString()}/document");

        Assert.That(list, Has.Count.EqualTo(2));
        Assert.That(mla.GetProperty("status").GetString(), Is.EqualTo("received"));
        Assert.That(mla.GetProperty("referenceNumber").GetString(), Does.StartWith("MLI/MLA/"));
        Assert.That(pdf.Headers.GetValues("X-Document-Frozen"), Is.EqualTo(new[] { "true" }));
        Assert.That(pdf.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
    }

    [Test]
    public async Task Startup_ProductionEvenWithSeedDemo_SeedsNoDemoAccount()
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var factory = new MlaApiFactory(database, "Production", new Dictionary<string, string> { ["Demo:Seed"] = "true" });
        using var client = factory.CreateClient();

        var ready = await client.GetAsync("/health/ready");

        Assert.That(ready.IsSuccessStatusCode, Is.True);
        Assert.That(await QueryUsernamesAsync(database), Is.Empty);
        await using var connection = database.Dialect.CreateConnection(database.ConnectionString);
        await connection.OpenAsync();
        Assert.That(await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM requests"), Is.Zero);
    }

    [Test]
    public async Task Startup_StagingWithSeedDemo_SeedsTheDemoAccounts()
    {
        await using var database = await TestDatabase.CreateAsync(engine);
        await using var factory = new MlaApiFactory(database, "Staging", new Dictionary<string, string> { ["Demo:Seed"] = "true" });
        using var client = factory.CreateClient();

        await client.GetAsync("/health/ready");

        Assert.That(await QueryUsernamesAsync(database), Has.Count.EqualTo(11));
    }

    private static StringContent JsonContent(string json) => new(json, System.Text.Encoding.UTF8, "application/json");

    private static async Task<List<string>> QueryUsernamesAsync(TestDatabase database)
    {
        await using var connection = database.Dialect.CreateConnection(database.ConnectionString);
        await connection.OpenAsync();
        return (await connection.QueryAsync<string>("SELECT username FROM users")).ToList();
    }
}
