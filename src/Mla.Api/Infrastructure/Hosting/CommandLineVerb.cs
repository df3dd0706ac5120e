using Mediator;
using Mla.Api.Features.Admin;
using Mla.Api.Features.Requests;
using Mla.Api.Infrastructure.Data;

namespace Mla.Api.Infrastructure.Hosting;

/// <summary>
/// Maintenance verbs of the Api executable, e.g. <c>dotnet run --project src/Mla.Api -- migrate</c>.
/// Leading words name the verb ("users add"); options after them are read by the verb and by the host
/// configuration alike, so "migrate --Database:Engine postgres" works.
/// </summary>
public sealed class CommandLineVerb
{
    public const string Usage = """
        Usage: Mla.Api [verb] [options]
          (no verb)        serve the API (add --seed-demo to seed the demo accounts outside Development)
          migrate          apply database migrations and seed reference data, then exit
          users add        create a user: --username NAME --password SECRET --role ROLE
                           [--state ISO3] [--network CODE] [--display-name "Name"]
          verify-audit     check every request's timeline hash chain; names the first broken event
                           of each request and exits with 1 when any chain is broken
        """;

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
        var words = args.TakeWhile(arg => !arg.StartsWith('-')).ToArray();
        if (words.Length == 0)
        {
            return new CommandLineVerb(null, [], args);
        }

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
            case "users add":
                return await AddUserAsync(app);
            case "verify-audit":
                return await VerifyAuditAsync(app);
            default:
                await Console.Error.WriteLineAsync($"Unknown verb '{Name}'.{Environment.NewLine}{Usage}");
                return 2;
        }
    }

    private async Task<int> AddUserAsync(WebApplication app)
    {
        var options = ReadOptions();
        if (!options.TryGetValue("username", out var username) || !options.TryGetValue("password", out var password) || !options.TryGetValue("role", out var role))
        {
            await Console.Error.WriteLineAsync(Usage);
            return 2;
        }

        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            var user = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new CreateUserCommand
            {
                Username = username,
                Password = password,
                Role = role,
                DisplayName = options.GetValueOrDefault("display-name") ?? username,
                State = options.GetValueOrDefault("state"),
                Network = options.GetValueOrDefault("network"),
            });
            Console.WriteLine($"Created user {user.Username} ({user.Role}), id {user.Id}.");
            return 0;
        }
        catch (FluentValidation.ValidationException validation)
        {
            foreach (var error in validation.Errors)
            {
                await Console.Error.WriteLineAsync($"{error.PropertyName}: {error.ErrorMessage}");
            }

            return 1;
        }
        catch (Errors.MlaException refused)
        {
            await Console.Error.WriteLineAsync(refused.Message);
            return 1;
        }
    }

    private static async Task<int> VerifyAuditAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var report = await scope.ServiceProvider.GetRequiredService<TimelineVerifier>().VerifyAllAsync(CancellationToken.None);
        foreach (var broken in report.Broken)
        {
            await Console.Out.WriteLineAsync(
                $"BROKEN request {broken.RequestId} ({broken.ReferenceNumber ?? "no reference number"}): event {broken.FirstBrokenEvent} {broken.Problem}.");
        }

        await Console.Out.WriteLineAsync(report.Broken.Count == 0
            ? $"All {report.RequestsChecked} request timeline(s) verified."
            : $"{report.Broken.Count} of {report.RequestsChecked} request timeline(s) broken.");
        return report.Broken.Count == 0 ? 0 : 1;
    }

    private Dictionary<string, string> ReadOptions()
    {
        var options = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        for (var i = 0; i < VerbArguments.Length; i++)
        {
            var argument = VerbArguments[i];
            if (!argument.StartsWith("--", StringComparison.Ordinal))
            {
                continue;
            }

            var equals = argument.IndexOf('=', StringComparison.Ordinal);
            if (equals > 0)
            {
                options[argument[2..equals]] = argument[(equals + 1)..];
            }
            else if (i + 1 < VerbArguments.Length)
            {
                options[argument[2..]] = VerbArguments[++i];
            }
        }

        return options;
    }
}
