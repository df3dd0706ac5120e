using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Mla.Api.Infrastructure.Data;

namespace Mla.Api.Tests.Infrastructure;

/// <summary>The real application, in memory, on one test database.</summary>
public sealed class MlaApiFactory(TestDatabase database) : WebApplicationFactory<Program>
{
    public TestDatabase Database => database;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("Database:Engine", database.Engine.ToString());
        builder.UseSetting($"ConnectionStrings:{DatabaseOptions.ConnectionStringName}", database.ConnectionString);
        builder.UseSetting("Database:MigrateAtStartup", "true");
    }
}
