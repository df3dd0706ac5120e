using Mla.Api.Features.Admin;
using Mla.Api.Features.Audit;
using Mla.Api.Features.Progress;
using Mla.Api.Infrastructure.Synthetic;

namespace Mla.Api.Infrastructure.Hosting;

/// <summary>
/// Maintenance verbs of the Api executable, e.g. <c>dotnet run --project src/Mla.Api -- migrate</c>.
/// Leading words name the verb ("users add"); options after them are read by the verb and by the host
/// configuration alike, so "migrate --Database:Engine postgres" works.
/// </summary>
public sealed partial class CommandLineVerb
{
    public const string Usage = """
        Usage: Mla.Api [verb] [options]
          (no verb)        serve the API (add --seed-demo to seed the demo accounts outside Development)
          migrate          apply database migrations and seed reference data, then exit
          users add        create a user: --username NAME --password SECRET --role ROLE
                           [--state ISO3] [--network CODE] [--display-name "Name"]
          verify-audit     check every request's record: its timeline's hash chain, its content and
                           status, documents and annexes against what its events sealed, its head;
                           names the first broken event of each request and exits with 1 when any
                           request does not verify
                           [--against FILE] also against a signed checkpoint: catches truncated
                           and recomputed chains, and requests lost or added since
          checkpoint       write a signed checkpoint of every request chain's head (HMAC-SHA256)
                           into Audit:CheckpointFolder; keep a copy on another machine
          backfill-progress  write the due dates, search terms and person keys of requests written
                           before migration 0008 (the service also does it at each start)
          seed-synthetic   write synthetic requests (tests, benchmarks, demonstrations; never on a
                           real register): --requests N [--seed S] [--as-of yyyy-MM-dd] [--batch B]
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
                return await ServeAsync(app);
            case "migrate":
                var report = await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
                Console.WriteLine($"Database is up to date: {report.ScriptsApplied} script(s) applied, {report.ReferenceRowsInserted} reference row(s) inserted.");
                return 0;
            case "users add":
                return await AddUserAsync(app);
            case "verify-audit":
                return await VerifyAuditAsync(app, ReadOptions().GetValueOrDefault("against"));
            case "checkpoint":
                return await CheckpointAsync(app);
            case "backfill-progress":
                return await BackfillProgressAsync(app);
            case "seed-synthetic":
                return await SyntheticSeeding.RunAsync(app, ReadOptions());
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

    // The record's append-only triggers are the first line of its defence: without them, refuse to serve
    // (the chain would still tell, but only after the fact). Maintenance verbs run regardless.
    private static async Task<int> ServeAsync(WebApplication app)
    {
        var missing = await app.Services.GetRequiredService<AppendOnly>().MissingTriggersAsync(CancellationToken.None);
        if (missing.Count > 0)
        {
            var triggers = string.Join(", ", missing);
            LogRefusingToServe(app.Logger, triggers);
            await Console.Error.WriteLineAsync(
                $"Refusing to serve: the append-only triggers {triggers} are missing or disabled. Run 'verify-audit', then restore them (see docs/OPERATIONS.md).");
            return 3;
        }

        await app.RunAsync();
        return 0;
    }

    private static async Task<int> VerifyAuditAsync(WebApplication app, string? against)
    {
        if (against is not null && !File.Exists(against))
        {
            await Console.Error.WriteLineAsync($"No checkpoint file at {against}.");
            return 2;
        }

        await using var scope = app.Services.CreateAsyncScope();
        AuditReport report;
        try
        {
            report = await scope.ServiceProvider.GetRequiredService<AuditVerifier>().VerifyAsync(against, CancellationToken.None);
        }
        catch (InvalidOperationException configuration) when (against is not null)
        {
            // No key to check the checkpoint's signature with (Authentication:SigningKey or Audit:CheckpointKey).
            await Console.Error.WriteLineAsync(configuration.Message);
            return 2;
        }

        if (report.CheckpointProblem is { } problem)
        {
            await Console.Out.WriteLineAsync($"The checkpoint {against} cannot be trusted: {problem}. Nothing was compared with it.");
            return 1;
        }

        foreach (var finding in report.Findings)
        {
            await Console.Out.WriteLineAsync(
                $"{finding.Verdict} request {finding.RequestId} ({finding.ReferenceNumber ?? "no reference number"}): {finding.Problem}.");
        }

        var anchored = report.CheckpointedAt is { } at ? $" against the checkpoint of {AuditVerifier.Instant(at)}" : "";
        await Console.Out.WriteLineAsync(report.Verified
            ? $"All {report.RequestsChecked} request(s) verified{anchored}."
            : $"{report.Findings.Count} of {report.RequestsChecked} request(s) broken, truncated or missing{anchored}.");
        return report.Verified ? 0 : 1;
    }

    private static async Task<int> BackfillProgressAsync(WebApplication app)
    {
        await app.Services.GetRequiredService<DatabaseMigrator>().MigrateAsync(CancellationToken.None);
        var done = await app.Services.GetRequiredService<ProgressBackfill>().RunAsync(CancellationToken.None);
        await Console.Out.WriteLineAsync($"Progress backfill: {done} request(s) given their due dates, search terms and person keys.");
        return 0;
    }

    private static async Task<int> CheckpointAsync(WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        try
        {
            var written = await scope.ServiceProvider.GetRequiredService<CheckpointWriter>().WriteAsync(CancellationToken.None);
            await Console.Out.WriteLineAsync($"Checkpoint of {written.Heads} request chain head(s) written to {written.Path} (key {written.KeyId}).");
            return 0;
        }
        catch (InvalidOperationException configuration)
        {
            // No folder, or no key to sign with.
            await Console.Error.WriteLineAsync(configuration.Message);
            return 2;
        }
    }

    [LoggerMessage(Level = LogLevel.Critical, Message = "Refusing to serve: the append-only triggers {Triggers} are missing or disabled")]
    private static partial void LogRefusingToServe(ILogger logger, string triggers);

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
