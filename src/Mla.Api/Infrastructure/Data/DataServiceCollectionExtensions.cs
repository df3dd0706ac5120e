using Microsoft.Data.Sqlite;

namespace Mla.Api.Infrastructure.Data;

/// <summary>Registers the configured engine: dialect, options, scoped session, migrator and seeder.</summary>
public static class DataServiceCollectionExtensions
{
    public static IServiceCollection AddMlaData(this IServiceCollection services)
    {
        DapperTypeHandlers.Register();

        // Resolved on first use, not now, so that configuration added later (tests, hosting) is seen.
        services.AddSingleton(provider =>
        {
            var configuration = provider.GetRequiredService<IConfiguration>();
            var options = configuration.GetSection(DatabaseOptions.SectionName).Get<DatabaseOptions>() ?? new DatabaseOptions();
            options.ConnectionString = ResolveConnectionString(
                options.Engine,
                configuration.GetConnectionString(DatabaseOptions.ConnectionStringName),
                provider.GetRequiredService<IHostEnvironment>());
            return options;
        });
        services.AddSingleton(provider => SqlDialects.For(provider.GetRequiredService<DatabaseOptions>().Engine));
        services.AddScoped<DbSession>();
        services.AddScoped<IDbSession>(provider => provider.GetRequiredService<DbSession>());
        services.AddSingleton<ReferenceDataSeeder>();
        services.AddSingleton<DatabaseMigrator>();
        services.AddSingleton<AppendOnly>();
        services.AddSingleton<SqliteStatistics>();
        services.AddHostedService(provider => provider.GetRequiredService<SqliteStatistics>());
        return services;
    }

    private static string ResolveConnectionString(DatabaseEngine engine, string? configured, IHostEnvironment environment)
    {
        if (engine != DatabaseEngine.Sqlite)
        {
            return string.IsNullOrWhiteSpace(configured)
                ? throw new InvalidOperationException($"Database:Engine is {engine} but ConnectionStrings:{DatabaseOptions.ConnectionStringName} is not set.")
                : configured;
        }

        // The embedded default: data/mla.db under the content root, with foreign keys enforced and a
        // generous busy timeout so concurrent writers wait instead of failing.
        var builder = new SqliteConnectionStringBuilder(string.IsNullOrWhiteSpace(configured)
            ? $"Data Source={Path.Combine(environment.ContentRootPath, "data", "mla.db")}"
            : configured)
        {
            ForeignKeys = true,
            DefaultTimeout = 30,
            Pooling = true,
        };
        return builder.ToString();
    }
}
