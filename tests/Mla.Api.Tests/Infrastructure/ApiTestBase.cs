using System.Data.Common;
using System.Net.Http.Json;
using Dapper;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Mla.Api.Infrastructure.Data;

namespace Mla.Api.Tests.Infrastructure;

/// <summary>
/// What every functional test stands on: the real application on one engine, each test starting from a
/// database reset by Respawn, real HTTP and real mediator calls. Derive from <see cref="ApiTest"/> (once per
/// engine) or <see cref="EngineIndependentApiTest"/> (once), never from this class directly.
/// </summary>
public abstract class ApiTestBase(DatabaseEngine engine)
{
    private EngineEnvironment? _environment;

    protected DatabaseEngine Engine => engine;

    protected EngineEnvironment Environment => _environment ?? throw new InvalidOperationException("Not set up.");

    protected MlaApiFactory Factory => Environment.Factory;

    protected IServiceProvider Services => Factory.Services;

    /// <summary>Tests that change reference data reset it too, so the next test sees the seed again.</summary>
    protected virtual bool ResetsReferenceData => false;

    [SetUp]
    public async Task ResetDatabase()
    {
        _environment = await EngineEnvironment.GetAsync(engine);
        Factory.Clock.Reset();
        await Environment.Resetter.ResetAsync(ResetsReferenceData);
        if (ResetsReferenceData)
        {
            await Services.GetRequiredService<ReferenceDataSeeder>().SeedAsync(CancellationToken.None);
        }
    }

    protected HttpClient CreateClient() => Factory.CreateClient();

    /// <summary>The password every test user gets.</summary>
    protected const string TestPassword = "correct horse battery staple";

    /// <summary>A client signed in as an ordinary user (a central authority of Mali).</summary>
    protected Task<HttpClient> CreateSignedInClientAsync() => CreateClientAsAsync("mli.ca");

    /// <summary>
    /// A client signed in through the real token endpoint as a test user named like the demo accounts:
    /// "mli.ca", "sen.fp", "ner.pros" (State + role), "sjcp.sec", "wacap.sec", "admin".
    /// The user is created on first use.
    /// </summary>
    protected async Task<HttpClient> CreateClientAsAsync(string username)
    {
        await EnsureUserAsync(username);
        var client = CreateClient();
        var token = await GetTokenAsync(client, username, TestPassword);
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", token);
        return client;
    }

    public static async Task<string> GetTokenAsync(HttpClient client, string username, string password)
    {
        var response = await client.PostAsJsonAsync("/api/auth/token", new { username, password });
        Assert.That(response.StatusCode, Is.EqualTo(System.Net.HttpStatusCode.OK), $"sign-in of {username}");
        var body = await response.Content.ReadFromJsonAsync<Mla.Api.Features.Auth.TokenDto>();
        return body!.AccessToken;
    }

    protected async Task<Mla.Api.Features.Admin.UserDto> EnsureUserAsync(string username)
    {
        await using var connection = await OpenConnectionAsync();
        var existing = await connection.QuerySingleOrDefaultAsync<Guid?>("SELECT id FROM users WHERE username = @username", new { username });
        var (role, state, network) = TestUsers.Describe(username);
        if (existing is { } id)
        {
            return new Mla.Api.Features.Admin.UserDto { Id = id, Username = username, DisplayName = username, Role = role, State = state, Network = network };
        }

        return await SendAsync(new Mla.Api.Features.Admin.CreateUserCommand
        {
            Username = username,
            DisplayName = $"Test user {username}",
            Password = TestPassword,
            Role = role,
            State = state,
            Network = network,
            FunctionTitle = $"Function of {username}",
        });
    }

    protected async Task<TResponse> SendAsync<TResponse>(IRequest<TResponse> request)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(request);
    }

    protected async Task<TResponse> SendAsync<TResponse>(IQuery<TResponse> query)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query);
    }

    protected async Task<TResponse> SendAsync<TResponse>(ICommand<TResponse> command)
    {
        await using var scope = Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
    }

    /// <summary>Direct SQL on the test database, for arranging and asserting what a user cannot do.</summary>
    protected async Task<DbConnection> OpenConnectionAsync()
    {
        var connection = Environment.Database.Dialect.CreateConnection(Environment.Database.ConnectionString);
        await connection.OpenAsync();
        return connection;
    }

    protected async Task<long> CountAsync(string table)
    {
        await using var connection = await OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM {table}");
    }
}
