using Mediator;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Mla.Api.Features.Admin;
using Mla.Api.Infrastructure.Data;

namespace Mla.Benchmarks.Load;

/// <summary>
/// The real API in this process, configured as the functional tests configure it (MlaApiFactory), but served
/// by Kestrel on a loopback port, so every call of the harness goes through a socket and the HTTP stack.
/// </summary>
public sealed class LoadHost : WebApplicationFactory<Program>
{
    /// <summary>The password of the harness's users.</summary>
    public const string Password = "correct horse battery staple";

    private readonly DatabaseEngine _engine;
    private readonly string _connectionString;

    public LoadHost(LoadDatabase database)
        : this(database.Engine, database.ConnectionString)
    {
    }

    /// <summary>Over any database, e.g. one kept between runs (<c>search-scale</c>).</summary>
    public LoadHost(DatabaseEngine engine, string connectionString)
    {
        _engine = engine;
        _connectionString = connectionString;
        UseKestrel(0);
    }

    /// <summary>Counts the PDF renderings, where the API lets the harness see them.</summary>
    public RenderCounter Renders { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Engine", _engine.ToString());
        builder.UseSetting($"ConnectionStrings:{DatabaseOptions.ConnectionStringName}", _connectionString);
        builder.UseSetting("Database:MigrateAtStartup", "true");
        builder.UseSetting("Authentication:SigningKey", Convert.ToBase64String([.. Enumerable.Range(1, 48).Select(i => (byte)(i * 11))]));
        builder.UseSetting("Authentication:TokenRequestsPerMinute", "100000");
        // One log line per command would measure the console, not the API.
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureTestServices(Renders.Register);
    }

    /// <summary>Creates a user as the tests do (the admin command, sent in process), e.g. mli.ca for Mali's central authority.</summary>
    public async Task CreateCentralAuthorityAsync(string username, string state)
    {
        await using var scope = Services.CreateAsyncScope();
        await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CreateUserCommand
        {
            Username = username,
            DisplayName = $"Load user {username}",
            Password = Password,
            Role = "central-authority",
            State = state,
            FunctionTitle = "Central authority",
        });
    }
}
