using Mla.Api.Infrastructure.Data;
using Mla.Api.Infrastructure.Hosting;

namespace Mla.Api.Tests.Features.Requests;

/// <summary>The <c>verify-audit</c> verb of the Api executable, run in process against the test database.</summary>
public sealed class VerifyAuditTests(DatabaseEngine engine) : RequestTest(engine)
{
    [Test]
    public async Task VerifyAudit_IntactTimelines_ExitCode0()
    {
        await ReceivedMlaAsync();

        var (exitCode, output) = await RunVerifyAuditAsync();

        Assert.That(exitCode, Is.Zero, output);
        Assert.That(output, Does.Contain("All 1 request(s) verified."));
    }

    [Test]
    public async Task VerifyAudit_RowAlteredInTheDatabase_ExitCode1AndNamesTheFirstBrokenEvent()
    {
        var (_, received) = await ReceivedMlaAsync();
        await TransmittedMlaAsync();
        await ExecuteAsDatabaseAdministratorAsync(
            "UPDATE request_events SET note = 'Nothing happened' WHERE request_id = @id AND sequence_number = 2", new { id = received.Id });

        var (exitCode, output) = await RunVerifyAuditAsync();

        Assert.That(exitCode, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain($"BROKEN request {received.Id} ({received.ReferenceNumber}): event 2: its hash does not match"));
        Assert.That(output, Does.Contain("1 of 2 request(s) broken, truncated or missing."));
    }

    [Test]
    public async Task VerifyAudit_LastEventRemoved_ExitCode1()
    {
        var (_, received) = await ReceivedMlaAsync();
        await ExecuteAsDatabaseAdministratorAsync("DELETE FROM request_events WHERE request_id = @id AND sequence_number = 3", new { id = received.Id });

        var (exitCode, output) = await RunVerifyAuditAsync();

        Assert.That(exitCode, Is.EqualTo(1), output);
        Assert.That(output, Does.Contain("event 3 is missing"));
    }

    private async Task<(int ExitCode, string Output)> RunVerifyAuditAsync()
    {
        var verb = CommandLineVerb.Parse(
        [
            "verify-audit",
            $"--Database:Engine={Engine}",
            $"--ConnectionStrings:{DatabaseOptions.ConnectionStringName}={Environment.Database.ConnectionString}",
            "--Logging:LogLevel:Default=Warning",
        ]);
        await using var app = MlaApplication.Build(verb.HostArguments, serving: false);
        var original = Console.Out;
        await using var output = new StringWriter();
        Console.SetOut(output);
        try
        {
            var exitCode = await verb.RunAsync(app);
            return (exitCode, output.ToString());
        }
        finally
        {
            Console.SetOut(original);
        }
    }
}
