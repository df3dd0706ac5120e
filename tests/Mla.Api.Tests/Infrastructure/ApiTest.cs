using System.Data.Common;
using Dapper;
using Mediator;
using Microsoft.Extensions.DependencyInjection;
using Mla.Api.Infrastructure.Data;

namespace Mla.Api.Tests.Infrastructure;

/// <summary>
/// Base of every functional test: runs the fixture once per engine, starts each test from a database
/// reset by Respawn, and offers real HTTP and real mediator calls.
/// </summary>
[TestFixtureSource(typeof(TestEngines), nameof(TestEngines.All))]
public abstract class ApiTest(DatabaseEngine engine)
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
        await Environment.Resetter.ResetAsync(ResetsReferenceData);
        if (ResetsReferenceData)
        {
            await Services.GetRequiredService<ReferenceDataSeeder>().SeedAsync(CancellationToken.None);
        }
    }

    protected HttpClient CreateClient() => Factory.CreateClient();

    /// <summary>A client signed in as an ordinary user (a central authority of Mali).</summary>
    protected Task<HttpClient> CreateSignedInClientAsync() => Task.FromResult(CreateClient());

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
