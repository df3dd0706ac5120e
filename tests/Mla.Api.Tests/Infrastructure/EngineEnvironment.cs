using System.Collections.Concurrent;
using Mla.Api.Infrastructure.Data;

namespace Mla.Api.Tests.Infrastructure;

/// <summary>
/// One test database and one in-memory application per engine, built once for the whole run (the
/// application is expensive to start; the database is reset between tests instead).
/// </summary>
public sealed class EngineEnvironment : IAsyncDisposable
{
    private static readonly ConcurrentDictionary<DatabaseEngine, Lazy<Task<EngineEnvironment>>> Environments = new();

    private EngineEnvironment(TestDatabase database, MlaApiFactory factory)
    {
        Database = database;
        Factory = factory;
        Resetter = new DatabaseResetter(database);
    }

    public TestDatabase Database { get; }

    public MlaApiFactory Factory { get; }

    public DatabaseResetter Resetter { get; }

    public static Task<EngineEnvironment> GetAsync(DatabaseEngine engine) =>
        Environments.GetOrAdd(engine, key => new Lazy<Task<EngineEnvironment>>(() => CreateAsync(key))).Value;

    public static async Task DisposeAllAsync()
    {
        foreach (var environment in Environments.Values.Where(lazy => lazy.IsValueCreated))
        {
            try
            {
                await (await environment.Value).DisposeAsync();
            }
            catch (Exception exception)
            {
                await TestContext.Progress.WriteLineAsync($"Could not dispose a test environment: {exception.Message}");
            }
        }

        Environments.Clear();
    }

    private static async Task<EngineEnvironment> CreateAsync(DatabaseEngine engine)
    {
        var database = await TestDatabase.CreateAsync(engine);
        var factory = new MlaApiFactory(database);
        // Starting the server runs the migrations and the seed.
        _ = factory.Server;
        return new EngineEnvironment(database, factory);
    }

    public async ValueTask DisposeAsync()
    {
        await Factory.DisposeAsync();
        await Database.DisposeAsync();
    }
}
