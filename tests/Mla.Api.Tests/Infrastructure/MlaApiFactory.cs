using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Mla.Api.Infrastructure.Auth;
using Mla.Api.Infrastructure.Data;

namespace Mla.Api.Tests.Infrastructure;

/// <summary>The real application, in memory, on one test database.</summary>
public sealed class MlaApiFactory(
    TestDatabase database,
    string environment = "Testing",
    IReadOnlyDictionary<string, string>? settings = null,
    Action<IServiceCollection>? services = null) : WebApplicationFactory<Program>
{
    /// <summary>A fixed test key, so tests can also forge tokens with it (expired ones, for instance).</summary>
    public static readonly byte[] SigningKey = [.. Enumerable.Range(1, 48).Select(i => (byte)(i * 7))];

    public TestDatabase Database => database;

    public TestClock Clock { get; } = new();

    /// <summary>What the application logged (see <see cref="CapturedLogs"/>).</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>The application's password hasher, which counts verifications.</summary>
    public CountingPasswordHasher PasswordHasher { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment(environment);
        builder.UseSetting("Database:Engine", database.Engine.ToString());
        builder.UseSetting($"ConnectionStrings:{DatabaseOptions.ConnectionStringName}", database.ConnectionString);
        builder.UseSetting("Database:MigrateAtStartup", "true");
        // The service checks timelines against the newest checkpoint it finds there.
        builder.UseSetting("Audit:CheckpointFolder", database.CheckpointFolder);
        builder.UseSetting("Authentication:SigningKey", Convert.ToBase64String(SigningKey));
        // The token endpoint's rate limit is per client address, and every test shares one.
        builder.UseSetting("Authentication:TokenRequestsPerMinute", "100000");
        // Small annex limits keep the limit tests light; the defaults (20 MB an annex, 50 annexes and
        // 100 MB a request) are configuration.
        builder.UseSetting("Documents:MaxAttachmentBytes", "1048576");
        builder.UseSetting("Documents:MaxAttachmentsPerRequest", "4");
        builder.UseSetting("Documents:MaxAttachmentBytesPerRequest", "2621440");
        foreach (var (key, value) in settings ?? new Dictionary<string, string>())
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureTestServices(collection =>
        {
            collection.AddSingleton<TimeProvider>(Clock);
            collection.AddSingleton<ILoggerProvider>(Logs);
            collection.AddSingleton<IPasswordHasher<UserAccount>>(PasswordHasher);
            services?.Invoke(collection);
        });
    }
}
