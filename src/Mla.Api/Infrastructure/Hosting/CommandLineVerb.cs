using Mediator;
using Mla.Api.Features.Admin;
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
