using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Mla.Api.Features.Audit;
using Mla.Api.Features.Requests;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Features.Requests;
using Mla.Api.Tests.Infrastructure;

namespace Mla.Api.Tests.Features.Audit;

/// <summary>The <c>checkpoint</c> verb and the background job that write signed checkpoints of every chain head.</summary>
public sealed class CheckpointTests(DatabaseEngine engine) : RequestTest(engine)
{
    [Test]
    public async Task Checkpoint_TwoRequests_WritesEveryHeadSignedByTheServiceKey()
    {
        var (senegal, received) = await ReceivedMlaAsync();
        var draft = await CreateDraftAsync(await CreateClientAsAsync("mli.ca"));

        var (exitCode, output) = await CommandLineVerbTests.RunWithOutputAsync(Environment.Database, "checkpoint", "--Audit:CheckpointFolder", Environment.Database.CheckpointFolder);

        var path = output.Split(" written to ")[1].Split(" (key ")[0];
        var checkpoint = Checkpoint.Read(path);
        var timeline = await GetTimelineAsync(senegal, received.Id);
        await using var connection = await OpenConnectionAsync();
        var lastHash = await connection.ExecuteScalarAsync<string>(
            "SELECT hash FROM request_events WHERE request_id = @id AND sequence_number = 3", new { id = received.Id });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.Zero, output);
            Assert.That(output, Does.StartWith("Checkpoint of 2 request chain head(s) written to "));
            Assert.That(Path.GetDirectoryName(path), Is.EqualTo(Environment.Database.CheckpointFolder));
            Assert.That(checkpoint.Heads.Keys, Is.EquivalentTo(new[] { received.Id, draft.Id }));
            Assert.That(checkpoint.Heads[received.Id], Is.EqualTo(new CheckpointHead(timeline.Count, lastHash!)));
            Assert.That(checkpoint.Heads[draft.Id].Version, Is.EqualTo(1));
            Assert.That(checkpoint.IsSignedBy(Services.GetRequiredService<CheckpointKey>()), Is.True);
            Assert.That(checkpoint.CreatedAt, Is.EqualTo(DateTimeOffset.UtcNow).Within(TimeSpan.FromMinutes(1)));
        }
    }

    [Test]
    public async Task Checkpoint_FileEditedAfterSigning_NoLongerVerifies()
    {
        await ReceivedMlaAsync();
        var (_, output) = await CommandLineVerbTests.RunWithOutputAsync(Environment.Database, "checkpoint", "--Audit:CheckpointFolder", Environment.Database.CheckpointFolder);
        var path = output.Split(" written to ")[1].Split(" (key ")[0];

        // Someone moves a head back, as they would to hide a truncation.
        var json = await File.ReadAllTextAsync(path);
        await File.WriteAllTextAsync(path, json.Replace("\"version\": 3", "\"version\": 2", StringComparison.Ordinal));
        var (exitCode, verifyOutput) = await CommandLineVerbTests.RunWithOutputAsync(Environment.Database, "verify-audit", "--against", path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(json, Does.Contain("\"version\": 3"));
            Assert.That(Checkpoint.Read(path).IsSignedBy(Services.GetRequiredService<CheckpointKey>()), Is.False);
            Assert.That(exitCode, Is.EqualTo(1), verifyOutput);
            Assert.That(verifyOutput, Does.Contain("cannot be trusted").And.Contain("changed after it was signed"));
        }
    }

    [Test]
    public async Task Checkpoint_SignedWithAnotherKey_NotTrustedByThisService()
    {
        await ReceivedMlaAsync();
        var otherKey = Convert.ToBase64String(Enumerable.Range(0, 32).Select(i => (byte)(255 - i)).ToArray());
        var (_, output) = await CommandLineVerbTests.RunWithOutputAsync(Environment.Database,
            "checkpoint", "--Audit:CheckpointFolder", Environment.Database.CheckpointFolder, "--Audit:CheckpointKey", otherKey);
        var path = output.Split(" written to ")[1].Split(" (key ")[0];

        var (exitCode, verifyOutput) = await CommandLineVerbTests.RunWithOutputAsync(Environment.Database, "verify-audit", "--against", path);
        var (withThatKey, withThatKeyOutput) = await CommandLineVerbTests.RunWithOutputAsync(Environment.Database,
            "verify-audit", "--against", path, "--Audit:CheckpointKey", otherKey);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.EqualTo(1), verifyOutput);
            Assert.That(verifyOutput, Does.Contain("is not signed by this service's checkpoint key"));
            Assert.That(withThatKey, Is.Zero, withThatKeyOutput);
            Assert.That(withThatKeyOutput, Does.Contain("All 1 request(s) verified against the checkpoint of "));
        }
    }

    [Test]
    public async Task Checkpoint_NoFolderConfigured_ExitsWith2AndWritesNothing()
    {
        await using var database = await TestDatabase.CreateAsync(Engine);
        Assert.That(await CommandLineVerbTests.RunAsync(database, "migrate"), Is.Zero);

        var (exitCode, output) = await CommandLineVerbTests.RunWithOutputAsync(database, "checkpoint");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.EqualTo(2));
            Assert.That(output, Does.Contain("Audit:CheckpointFolder is not configured"));
            Assert.That(System.IO.Directory.Exists(database.CheckpointFolder), Is.False);
        }
    }

    [Test]
    public async Task VerifyAuditAgainst_RequestGoneFromTheDatabase_Missing()
    {
        await ReceivedMlaAsync();
        var draft = await CreateDraftAsync(await CreateClientAsAsync("mli.ca"));
        var (_, output) = await CommandLineVerbTests.RunWithOutputAsync(Environment.Database, "checkpoint", "--Audit:CheckpointFolder", Environment.Database.CheckpointFolder);
        var path = output.Split(" written to ")[1].Split(" (key ")[0];
        foreach (var table in new[]
        {
            "request_events", "request_persons", "request_offences", "request_assistance_items", "request_legal_bases",
            "request_search_terms", "request_person_keys", "request_updates", "notice_outbox",
        })
        {
            await ExecuteAsDatabaseAdministratorAsync($"DELETE FROM {table} WHERE request_id = @id", new { id = draft.Id });
        }

        await ExecuteAsDatabaseAdministratorAsync("DELETE FROM requests WHERE id = @id", new { id = draft.Id });

        var (exitCode, verifyOutput) = await CommandLineVerbTests.RunWithOutputAsync(Environment.Database, "verify-audit", "--against", path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.EqualTo(1), verifyOutput);
            Assert.That(verifyOutput, Does.Contain($"MISSING request {draft.Id} (no reference number): the checkpoint of "));
            Assert.That(verifyOutput, Does.Contain("holds it at version 1, the database does not hold it at all"));
            Assert.That(verifyOutput, Does.Contain("1 of 1 request(s) broken, truncated or missing"));
        }
    }

    // A request whose history starts before a checkpoint that does not hold it was put in the database later.
    [Test]
    public async Task VerifyAuditAgainst_RequestOlderThanTheCheckpointButNotInIt_Broken()
    {
        var (_, received) = await ReceivedMlaAsync();
        var draft = await CreateDraftAsync(await CreateClientAsAsync("mli.ca"));
        await using var scope = Services.CreateAsyncScope();
        var heads = await scope.ServiceProvider.GetRequiredService<RequestTimeline>().HeadsAsync(CancellationToken.None);
        var path = Checkpoint.Create(DateTimeOffset.UtcNow.AddMinutes(5), heads.Where(head => head.RequestId != draft.Id), Services.GetRequiredService<CheckpointKey>())
            .WriteTo(Path.Combine(Environment.Database.CheckpointFolder, "handmade"));

        var (exitCode, output) = await CommandLineVerbTests.RunWithOutputAsync(Environment.Database, "verify-audit", "--against", path);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(exitCode, Is.EqualTo(1), output);
            Assert.That(output, Does.Contain($"BROKEN request {draft.Id} (no reference number): its timeline starts before the checkpoint of "));
            Assert.That(output, Does.Not.Contain(received.Id.ToString()));
        }
    }

    [Test]
    public async Task CheckpointJob_FolderConfigured_WritesACheckpointAtStartUp()
    {
        await ReceivedMlaAsync();
        var folder = Path.Combine(Environment.Database.CheckpointFolder, $"job-{Guid.NewGuid():N}");
        await using var factory = new MlaApiFactory(Environment.Database, settings: new Dictionary<string, string>
        {
            ["Audit:CheckpointFolder"] = folder,
            ["Audit:CheckpointInterval"] = "1.00:00:00",
        });

        _ = factory.Server;
        var written = await WaitForFileAsync(folder, TimeSpan.FromSeconds(30));

        Assert.That(written, Is.Not.Null, "a checkpoint in the configured folder");
        var checkpoint = Checkpoint.Read(written!);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(checkpoint.Heads, Has.Count.EqualTo(1));
            Assert.That(checkpoint.IsSignedBy(factory.Services.GetRequiredService<CheckpointKey>()), Is.True);
        }
    }

    private static async Task<string?> WaitForFileAsync(string folder, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (System.IO.Directory.Exists(folder) && System.IO.Directory.GetFiles(folder, Checkpoint.FilePattern).FirstOrDefault() is { } file)
            {
                return file;
            }

            await Task.Delay(100);
        }

        return null;
    }
}
