using Mla.Api.Infrastructure.Hosting;

namespace Mla.Api.Infrastructure.Synthetic;

/// <summary>The <c>seed-synthetic</c> verb: reads its options, migrates, seeds, and reports what it wrote.</summary>
public static class SyntheticSeeding
{
    /// <summary>More would take hours on a small machine and is no more realistic for a region's registers.</summary>
    public const int MaxRequests = 10_000_000;

    public static async Task<int> RunAsync(WebApplication app, IReadOnlyDictionary<string, string> options)
    {
        var today = DateOnly.FromDateTime(app.Services.GetRequiredService<TimeProvider>().GetUtcNow().UtcDateTime);
        if (!TryRead(options, "requests", null, out var count) || count < 1 || count > MaxRequests
            || !TryRead(options, "seed", 1, out var seed)
            || !TryRead(options, "batch", SyntheticSeeder.DefaultBatchSize, out var batch) || batch < 1
            || !TryReadDate(options, today, out var asOf))
        {
            await Console.Error.WriteLineAsync($"seed-synthetic needs --requests N (1 to {MaxRequests}); --seed, --batch: integers; --as-of: yyyy-MM-dd.{Environment.NewLine}{CommandLineVerb.Usage}");
            return 2;
        }

        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        var seeder = new SyntheticSeeder(
            app.Services.GetRequiredService<DatabaseOptions>(), app.Services.GetRequiredService<ISqlDialect>(), app.Services.GetRequiredService<IDeadlineFigures>());
        SyntheticSeedReport report;
        try
        {
            report = await seeder.SeedAsync(count, seed, asOf, batch, Console.WriteLine, CancellationToken.None);
        }
        catch (SyntheticSeedRefusedException refused)
        {
            await Console.Error.WriteLineAsync(refused.Message);
            return 1;
        }

        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Seeded {report.Requests} synthetic request(s) with {report.Events} event(s) (seed {seed}, as of {asOf:yyyy-MM-dd}, positions {report.FirstPosition} to {report.FirstPosition + report.Requests - 1}) in {report.Elapsed.TotalSeconds:F1} s."));
        return 0;
    }

    private static bool TryRead(IReadOnlyDictionary<string, string> options, string name, int? fallback, out int value)
    {
        if (!options.TryGetValue(name, out var text))
        {
            value = fallback ?? 0;
            return fallback is not null;
        }

        return int.TryParse(text, NumberStyles.Integer, CultureInfo.InvariantCulture, out value);
    }

    private static bool TryReadDate(IReadOnlyDictionary<string, string> options, DateOnly today, out DateOnly value)
    {
        if (!options.TryGetValue("as-of", out var text))
        {
            value = today;
            return true;
        }

        return DateOnly.TryParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out value);
    }
}
