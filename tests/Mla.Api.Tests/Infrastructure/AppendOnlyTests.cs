using System.Net;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Mla.Api.Infrastructure.Data;

namespace Mla.Api.Tests.Infrastructure;

/// <summary>The record's append-only triggers, checked from the engine's catalog at start-up and by the readiness probe.</summary>
public sealed class AppendOnlyTests(DatabaseEngine engine) : ApiTest(engine)
{
    [Test]
    public async Task MissingTriggers_MigratedDatabase_None()
    {
        var missing = await Services.GetRequiredService<AppendOnly>().MissingTriggersAsync(CancellationToken.None);

        Assert.That(missing, Is.Empty);
    }

    [Test]
    public async Task Serve_AnnexTriggerMissing_RefusesToServeWhileMaintenanceVerbsRun()
    {
        await using var database = await TestDatabase.CreateAsync(Engine);
        Assert.That(await CommandLineVerbTests.RunAsync(database, "migrate"), Is.Zero);
        await using (var connection = database.Dialect.CreateConnection(database.ConnectionString))
        {
            await connection.OpenAsync();
            await connection.ExecuteAsync(Engine == DatabaseEngine.Sqlite
                ? "DROP TRIGGER request_attachments_no_delete"
                : "ALTER TABLE request_attachments DISABLE TRIGGER request_attachments_append_only");
        }

        var (serving, servingOutput) = await CommandLineVerbTests.RunWithOutputAsync(database);
        var (verifying, verifyingOutput) = await CommandLineVerbTests.RunWithOutputAsync(database, "verify-audit");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(serving, Is.EqualTo(3), servingOutput);
            Assert.That(servingOutput, Does.Contain("Refusing to serve: the append-only triggers request_attachments."));
            Assert.That(verifying, Is.Zero, verifyingOutput);
            Assert.That(verifyingOutput, Does.Contain("All 0 request(s) verified."));
        }
    }

    [Test]
    public async Task Ready_TimelineTriggerDisabledWhileServing_Answers503UntilItIsBack()
    {
        using var client = CreateClient();
        await using var connection = await OpenConnectionAsync();
        var restore = await DisableATimelineTriggerAsync(connection);
        HttpResponseMessage withoutTrigger;
        try
        {
            withoutTrigger = await client.GetAsync("/health/ready");
        }
        finally
        {
            await restore();
        }

        var withTrigger = await client.GetAsync("/health/ready");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(withoutTrigger.StatusCode, Is.EqualTo(HttpStatusCode.ServiceUnavailable));
            Assert.That(withTrigger.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }

    private async Task<Func<Task>> DisableATimelineTriggerAsync(System.Data.Common.DbConnection connection)
    {
        if (Engine == DatabaseEngine.Sqlite)
        {
            var definition = await connection.ExecuteScalarAsync<string>("SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'request_events_no_delete'");
            await connection.ExecuteAsync("DROP TRIGGER request_events_no_delete");
            return async () => await connection.ExecuteAsync(definition!);
        }

        await connection.ExecuteAsync("ALTER TABLE request_events DISABLE TRIGGER request_events_append_only");
        return async () => await connection.ExecuteAsync("ALTER TABLE request_events ENABLE TRIGGER request_events_append_only");
    }
}
