using System.Data.Common;
using System.Net;
using System.Net.Http.Headers;
using System.Security.Cryptography;
using System.Text.Json;
using Dapper;
using Mla.Api.Features.Requests;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Features.Documents;
using Mla.Api.Tests.Infrastructure;
using Mla.Domain.Timeline;

namespace Mla.Api.Tests.Features.Requests;

/// <summary>
/// Edits the record of a request directly in the database, as an administrator or an intruder with write
/// access would (content, status, persons, the frozen document, an annex, events, the head; with the
/// append-only triggers in place and lifted; truncation; a chain recomputed with plain SHA-256), and shows
/// that both the timeline API and <c>verify-audit --against</c> a checkpoint report it, while a request
/// nobody touched still verifies.
/// </summary>
public sealed class TamperTests(DatabaseEngine engine) : RequestTest(engine)
{
    private static readonly byte[] ForgedPdf = DocumentTestFiles.Pdf("Forged: this is not what was transmitted");

    // Content, status, persons and the lifecycle columns: plain tables, no trigger to lift.
    private static IEnumerable<TestCaseData> ContentEdits()
    {
        yield return Case("SubjectEdited", "UPDATE requests SET subject = 'Something else entirely' WHERE id = @id");
        yield return Case("StatusEdited", "UPDATE requests SET status = 'withdrawn' WHERE id = @id");
        yield return Case("PersonRenamed", "UPDATE request_persons SET full_name = 'Someone Else' WHERE request_id = @id");
        yield return Case("PersonRemoved", "DELETE FROM request_persons WHERE request_id = @id");
        yield return Case("RequestedSideReferenceEdited", "UPDATE requests SET requested_side_reference = 'SEN/CA/2025/999' WHERE id = @id");
        yield return Case("ReferenceNumberEdited", "UPDATE requests SET reference_number = 'MLI/MLA/1999/0001' WHERE id = @id");
        yield return Case("ConfidentialityLifted", "UPDATE requests SET confidential = @no WHERE id = @id");
        yield return Case("OutcomeRecordedByHand", "UPDATE request_assistance_items SET outcome = 'executed' WHERE request_id = @id");

        static TestCaseData Case(string what, string sql) => new TestCaseData(sql).SetName($"Tamper_{what}_ReportedAtTheLastEvent");
    }

    [TestCaseSource(nameof(ContentEdits))]
    public async Task Tamper_ContentEdited_ReportedAtTheLastEvent(string sql)
    {
        var arranged = await ArrangeAsync();

        await using (var connection = await OpenConnectionAsync())
        {
            await connection.ExecuteAsync(sql, new { id = arranged.Tampered.Id, no = false });
        }

        await AssertReportedAsync(arranged, "broken", arranged.LastSequence, "BROKEN");
    }

    [Test]
    public async Task Tamper_DocumentOrAnnexWithTheTriggers_RejectedByTheDatabase()
    {
        var arranged = await ArrangeAsync();
        await using var connection = await OpenConnectionAsync();

        using (Assert.EnterMultipleScope())
        {
            foreach (var table in new[] { "request_documents", "request_attachments" })
            {
                Assert.That(
                    async () => await connection.ExecuteAsync($"UPDATE {table} SET content = @forged WHERE request_id = @id", new { forged = ForgedPdf, id = arranged.Tampered.Id }),
                    Throws.InstanceOf<DbException>().With.Message.Contains($"{table} is append-only"), table);
                Assert.That(
                    async () => await connection.ExecuteAsync($"DELETE FROM {table} WHERE request_id = @id", new { id = arranged.Tampered.Id }),
                    Throws.InstanceOf<DbException>().With.Message.Contains($"{table} is append-only"), table);
            }
        }

        await AssertUntouchedAsync(arranged);
    }

    [Test]
    public async Task Tamper_DocumentBytes_ReportedAtTheTransmission()
    {
        var arranged = await ArrangeAsync();

        await ExecuteAsDatabaseAdministratorAsync("UPDATE request_documents SET content = @forged WHERE request_id = @id", new { forged = ForgedPdf, id = arranged.Tampered.Id });

        await AssertReportedAsync(arranged, "broken", arranged.TransmitSequence, "BROKEN");
    }

    [Test]
    public async Task Tamper_DocumentBytesAndSha256_ReportedAtTheTransmission()
    {
        var arranged = await ArrangeAsync();

        await ExecuteAsDatabaseAdministratorAsync(
            "UPDATE request_documents SET content = @forged, sha256 = @sha256 WHERE request_id = @id",
            new { forged = ForgedPdf, sha256 = Sha256(ForgedPdf), id = arranged.Tampered.Id });

        await AssertReportedAsync(arranged, "broken", arranged.TransmitSequence, "BROKEN");
    }

    [Test]
    public async Task Tamper_AnnexBytes_ReportedAtTheEventThatFirstRecordedIt()
    {
        var arranged = await ArrangeAsync();

        await ExecuteAsDatabaseAdministratorAsync("UPDATE request_attachments SET content = @forged WHERE request_id = @id", new { forged = ForgedPdf, id = arranged.Tampered.Id });

        await AssertReportedAsync(arranged, "broken", arranged.AnnexSequence, "BROKEN");
    }

    [Test]
    public async Task Tamper_AnnexBytesSizeAndSha256_ReportedAtTheEventThatAddedItOrTheLast()
    {
        var arranged = await ArrangeAsync();

        await ExecuteAsDatabaseAdministratorAsync(
            "UPDATE request_attachments SET content = @forged, sha256 = @sha256, size_bytes = @size WHERE request_id = @id",
            new { forged = ForgedPdf, sha256 = Sha256(ForgedPdf), size = (long)ForgedPdf.Length, id = arranged.Tampered.Id });

        // The event that added the annex names its SHA-256; without one, the last event's record no longer matches.
        await AssertReportedAsync(arranged, "broken", arranged.AnnexEvent ?? arranged.LastSequence, "BROKEN");
    }

    [Test]
    public async Task Tamper_EventNote_ReportedAtThatEvent()
    {
        var arranged = await ArrangeAsync();

        await ExecuteAsDatabaseAdministratorAsync(
            "UPDATE request_events SET note = 'Sent by diplomatic bag' WHERE request_id = @id AND sequence_number = @sequence",
            new { id = arranged.Tampered.Id, sequence = arranged.TransmitSequence });

        await AssertReportedAsync(arranged, "broken", arranged.TransmitSequence, "BROKEN");
    }

    [Test]
    public async Task Tamper_HeadHashSetToAnEarlierEvent_Truncated()
    {
        var arranged = await ArrangeAsync();

        await ExecuteAsDatabaseAdministratorAsync(
            "UPDATE requests SET last_event_hash = (SELECT hash FROM request_events WHERE request_id = @id AND sequence_number = @sequence) WHERE id = @id",
            new { id = arranged.Tampered.Id, sequence = arranged.LastSequence - 1 });

        await AssertReportedAsync(arranged, "truncated", null, "TRUNCATED");
    }

    [Test]
    public async Task Tamper_HeadVersionAhead_Truncated()
    {
        var arranged = await ArrangeAsync();

        await ExecuteAsDatabaseAdministratorAsync("UPDATE requests SET version = version + 1 WHERE id = @id", new { id = arranged.Tampered.Id });

        await AssertReportedAsync(arranged, "truncated", null, "TRUNCATED");
    }

    [Test]
    public async Task Tamper_LastEventDeleted_Truncated()
    {
        var arranged = await ArrangeAsync();

        await ExecuteAsDatabaseAdministratorAsync(
            "DELETE FROM request_events WHERE request_id = @id AND sequence_number = @sequence", new { id = arranged.Tampered.Id, sequence = arranged.LastSequence });

        await AssertReportedAsync(arranged, "truncated", null, "TRUNCATED");
    }

    // The head rolled back to the event before: a shorter chain that holds, and a head that agrees with it.
    // Only the checkpoint remembers that the request had gone further.
    [Test]
    public async Task Tamper_LastEventDeletedAndHeadRolledBack_TruncatedAgainstTheCheckpoint()
    {
        var arranged = await ArrangeAsync();

        await ExecuteAsDatabaseAdministratorAsync(
            "DELETE FROM request_events WHERE request_id = @id AND sequence_number = @sequence", new { id = arranged.Tampered.Id, sequence = arranged.LastSequence });
        await ExecuteAsDatabaseAdministratorAsync(
            """
            UPDATE requests SET version = @sequence - 1,
                last_event_hash = (SELECT hash FROM request_events WHERE request_id = @id AND sequence_number = @sequence - 1)
            WHERE id = @id
            """,
            new { id = arranged.Tampered.Id, sequence = arranged.LastSequence });

        await AssertReportedAsync(arranged, "truncated", null, "TRUNCATED");
    }

    // What a careful intruder does: rewrite an event, then recompute every hash after it with plain
    // SHA-256 and move the head, so that the chain holds again on its own.
    [Test]
    public async Task Tamper_EventRewrittenAndChainRecomputed_BrokenAgainstTheCheckpoint()
    {
        var arranged = await ArrangeAsync();

        await RecomputeChainAsync(arranged.Tampered.Id, arranged.TransmitSequence, e => e with { Note = "Sent by diplomatic bag" });

        // The chain holds on its own: without a checkpoint nothing could tell. Against the checkpoint,
        // no event up to the checkpointed one can be trusted any more.
        await AssertReportedAsync(arranged, "broken", 1, "BROKEN");
    }

    [Test]
    public async Task Tamper_Nothing_EveryRequestVerifiesAgainstTheCheckpoint()
    {
        var arranged = await ArrangeAsync();

        var tampered = await ReadTimelineStateAsync(arranged.Mali, arranged.Tampered.Id);
        var (exitCode, output) = await VerifyAuditAgainstAsync(arranged.Checkpoint);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(tampered.State, Is.EqualTo("verified"));
            Assert.That(tampered.Flags, Is.All.True);
            Assert.That(exitCode, Is.Zero, output);
            Assert.That(output, Does.Contain("All 2 request(s) verified"));
        }

        await AssertUntouchedAsync(arranged);
    }

    private sealed record Arranged(
        HttpClient Mali,
        RequestDto Tampered,
        RequestDto Untouched,
        string Checkpoint,
        int? AnnexEvent,
        int AnnexSequence,
        int TransmitSequence,
        int LastSequence);

    private sealed record TimelineState(string? State, int? BrokenAt, IReadOnlyList<bool> Flags);

    /// <summary>
    /// A request from Mali to Senegal with an annex, transmitted (its document frozen) and received; a
    /// second request transmitted and left alone; a checkpoint of both written by the <c>checkpoint</c> verb
    /// into the folder the service watches.
    /// </summary>
    private async Task<Arranged> ArrangeAsync()
    {
        var mali = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(mali);
        var upload = await UploadAnnexAsync(mali, draft, "witness-statement.pdf", DocumentTestFiles.Pdf("Statement of the witness"));
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Created), await upload.Content.ReadAsStringAsync());
        var transmitted = await StepAsync(mali, await GetRequestAsync(mali, draft.Id), "transmit", new { occurredOn = TodayText, channel = "central-authority", language = "fr" });
        var senegal = await CreateClientAsAsync("sen.ca");
        var received = await StepAsync(senegal, transmitted, "receipt", new { occurredOn = TodayText, requestedSideReference = "SEN/CA/2025/117" });
        var (_, untouched) = await TransmittedMlaAsync();

        var (exitCode, output) = await RunVerbAsync("checkpoint");
        Assert.That(exitCode, Is.Zero, output);

        var timeline = await GetTimelineAsync(mali, received.Id);
        var transmit = timeline.Single(e => e.Action == "transmit").SequenceNumber;
        // Until annexes are events of their own, the first event that sealed the annex is the transmission.
        var annex = timeline.FirstOrDefault(e => e.Action == "add-annex")?.SequenceNumber;
        return new Arranged(mali, received, untouched, NewestCheckpoint(), annex, annex ?? transmit, transmit, timeline[^1].SequenceNumber);
    }

    private async Task AssertReportedAsync(Arranged arranged, string state, int? brokenAt, string verdict)
    {
        var tampered = await ReadTimelineStateAsync(arranged.Mali, arranged.Tampered.Id);
        var (exitCode, output) = await VerifyAuditAgainstAsync(arranged.Checkpoint);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(tampered.State, Is.EqualTo(state), "the timeline's chain state");
            Assert.That(tampered.BrokenAt, Is.EqualTo(brokenAt), "the timeline's first broken event");
            Assert.That(tampered.Flags, Is.EqualTo(tampered.Flags.Select((_, i) => brokenAt is null || i + 1 < brokenAt).ToList()),
                "events verified up to the break, unverified from it on");
            Assert.That(exitCode, Is.EqualTo(1), output);
            Assert.That(output, Does.Contain($"{verdict} request {arranged.Tampered.Id}"));
            Assert.That(output, Does.Not.Contain(arranged.Untouched.Id.ToString()), "the untouched request is not reported");
            Assert.That(output, Does.Contain("1 of 2 request(s)"));
        }

        await AssertUntouchedAsync(arranged);
    }

    private static async Task AssertUntouchedAsync(Arranged arranged)
    {
        var untouched = await ReadTimelineStateAsync(arranged.Mali, arranged.Untouched.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(untouched.State, Is.EqualTo("verified"), "the untouched request");
            Assert.That(untouched.Flags, Is.All.True, "the untouched request");
        }
    }

    /// <summary>The chain's state and each event's flag, read from the JSON as a client would.</summary>
    private static async Task<TimelineState> ReadTimelineStateAsync(HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/requests/{id}/timeline");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var root = json.RootElement;
        var events = root.ValueKind == JsonValueKind.Array ? root : root.GetProperty("events");
        var flags = events.EnumerateArray().Select(e => e.GetProperty("verified").GetBoolean()).ToList();
        if (root.ValueKind != JsonValueKind.Object || !root.TryGetProperty("chain", out var chain))
        {
            return new TimelineState(null, null, flags);
        }

        var brokenAt = chain.TryGetProperty("brokenAt", out var at) && at.ValueKind == JsonValueKind.Number ? at.GetInt32() : (int?)null;
        return new TimelineState(chain.GetProperty("state").GetString(), brokenAt, flags);
    }

    private static async Task<HttpResponseMessage> UploadAnnexAsync(HttpClient client, RequestDto request, string fileName, byte[] content)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        form.Add(new StringContent("false"), "isTranslation");
        using var message = new HttpRequestMessage(HttpMethod.Post, $"/api/requests/{request.Id}/attachments") { Content = form };
        message.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{request.Version}\""));
        return await client.SendAsync(message);
    }

    /// <summary>Rewrites one event and recomputes the hashes of it and of every event after it, then moves the head.</summary>
    private async Task RecomputeChainAsync(Guid id, int rewritten, Func<TimelineEvent, TimelineEvent> rewrite)
    {
        await using var connection = await OpenConnectionAsync();
        var rows = (await connection.QueryAsync<EventRow>(
            RequestTimeline.EventColumnsSql + " WHERE e.request_id = @id ORDER BY e.sequence_number", new { id })).ToList();
        var restoreTriggers = await AppendOnlyTriggers.LiftAsync(connection, Engine);
        try
        {
            string? previous = null;
            foreach (var row in rows)
            {
                var e = row.ToChained().Event;
                if (row.SequenceNumber == rewritten)
                {
                    e = rewrite(e);
                }

                var hash = EventChain.Hash(previous, e);
                await connection.ExecuteAsync(
                    "UPDATE request_events SET note = @Note, previous_hash = @previous, hash = @hash WHERE request_id = @id AND sequence_number = @sequence",
                    new { e.Note, previous, hash, id, sequence = row.SequenceNumber });
                previous = hash;
            }

            await connection.ExecuteAsync("UPDATE requests SET last_event_hash = @previous WHERE id = @id", new { previous, id });
        }
        finally
        {
            await restoreTriggers();
        }
    }

    private Task<(int ExitCode, string Output)> VerifyAuditAgainstAsync(string checkpoint) =>
        RunVerbAsync("verify-audit", "--against", checkpoint);

    /// <summary>Runs a verb of the Api executable in process, on this engine's database, with the service's key and checkpoint folder.</summary>
    private Task<(int ExitCode, string Output)> RunVerbAsync(params string[] words) =>
        CommandLineVerbTests.RunWithOutputAsync(Environment.Database, [.. words, "--Audit:CheckpointFolder", CheckpointFolder]);

    private string CheckpointFolder => Environment.Database.CheckpointFolder;

    private string NewestCheckpoint() => System.IO.Directory.Exists(CheckpointFolder)
        ? System.IO.Directory.EnumerateFiles(CheckpointFolder, "*.json").OrderBy(path => Path.GetFileName(path), StringComparer.Ordinal).LastOrDefault() ?? "none"
        : "none";

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
