using Mla.Api.Infrastructure.Data;

namespace Mla.Api.Infrastructure.Hosting;

/// <summary>
/// Maintenance verbs of the Api executable, e.g. <c>dotnet run --project src/Mla.Api -- migrate</c>.
/// The verb's own words are taken off the arguments; the rest configure the host as usual.
/// </summary>
public sealed class CommandLineVerb
{
    private CommandLineVerb(string? name, string[] verbArguments, string[] hostArguments)
    {
        Name = name;
        VerbArguments = verbArguments;
        HostArguments = hostArguments;
    }

    /// <summary>The verb, or null to serve the API.</summary>
    public string? Name { get; }

    public string[] VerbArguments { get; }

    public string[] HostArguments { get; }

    public static CommandLineVerb Parse(string[] args)
    {
        if (args.Length == 0 || args[0].StartsWith('-'))
        {
            return new CommandLineVerb(null, [], args);
        }

        // Leading words name the verb ("users add"); options after them are read by the verb and by the
        // host configuration alike, so "migrate --Database:Engine postgres" works.
        var words = args.TakeWhile(arg => !arg.StartsWith('-')).ToArray();
        var options = args[words.Length..];
        return new CommandLineVerb(string.Join(' ', words), options, options);
    }

    public async Task<int> RunAsync(WebApplication app)
    {
        switch (Name)
        {
            case null:
                await app.RunAsync();
                return 0;
            case "migrate":
                var report = await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
                Console.WriteLine($"Database is up to date: {report.ScriptsApplied} script(s) applied, {report.ReferenceRowsInserted} reference row(s) inserted.");
                return 0;
            default:
                await Console.Error.WriteLineAsync($"Unknown verb '{Name}'. Known verbs: migrate.");
                return 2;
        }
    }
}
