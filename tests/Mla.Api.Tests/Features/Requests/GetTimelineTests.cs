using System.Data.Common;
using Dapper;
using Mla.Api.Features.Requests;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Infrastructure;
using Mla.Domain.Requests;
using Mla.Domain.Timeline;

namespace Mla.Api.Tests.Features.Requests;

public sealed class GetTimelineTests(DatabaseEngine engine) : RequestTest(engine)
{
    [Test]
    public async Task GetTimeline_EventAlteredInTheDatabase_NotVerifiedFromThatEventOn()
    {
        var (senegal, received) = await ReceivedMlaAsync();
        await StepAsync(senegal, received, "notes", new { note = "Following up." });
        var earlier = Today.AddDays(-10);

        await ExecuteAsDatabaseAdministratorAsync(
            "UPDATE request_events SET occurred_on = @earlier WHERE request_id = @id AND sequence_number = 2",
            new { earlier, id = received.Id });

        var timeline = await GetTimelineAsync(senegal, received.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(timeline.Select(e => e.Action), Is.EqualTo(new[] { "create-draft", "transmit", "acknowledge-receipt", "add-note" }));
            Assert.That(timeline[1].OccurredOn, Is.EqualTo(earlier), "the timeline shows what is stored, marked unverified");
            Assert.That(timeline.Select(e => e.Verified), Is.EqualTo(new[] { true, false, false, false }));
        }
    }

    [Test]
    public async Task GetTimeline_UntouchedTimeline_EveryEventVerifiedOldestFirst()
    {
        var before = Factory.Clock.GetUtcNow();
        var (senegal, received) = await ReceivedMlaAsync();
        var after = Factory.Clock.GetUtcNow();

        var timeline = await GetTimelineAsync(senegal, received.Id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(timeline.Select(e => e.SequenceNumber), Is.EqualTo(new[] { 1, 2, 3 }));
            Assert.That(timeline.Select(e => e.Action), Is.EqualTo(new[] { "create-draft", "transmit", "acknowledge-receipt" }));
            Assert.That(timeline.Select(e => e.FromStatus), Is.EqualTo(new[] { null, "draft", "transmitted" }));
            Assert.That(timeline.Select(e => e.ToStatus), Is.EqualTo(new[] { "draft", "transmitted", "received" }));
            Assert.That(timeline.Select(e => (e.Actor.Role, e.Actor.State)), Is.EqualTo(new[]
            {
                ("central-authority", "MLI"), ("central-authority", "MLI"), ("central-authority", "SEN"),
            }));
            // The dates the test gave for transmission and receipt; the draft's is the server's today.
            Assert.That(timeline.Skip(1).Select(e => e.OccurredOn), Is.All.EqualTo(Today));
            Assert.That(timeline.Select(e => e.Verified), Is.All.True);
            Assert.That(timeline.Select(e => e.RecordedAt.Offset), Is.All.EqualTo(TimeSpan.Zero));
            Assert.That(timeline.Select(e => e.RecordedAt), Is.Ordered.And.All.InRange(before.AddSeconds(-1), after.AddSeconds(1)));
        }
    }

    [Test]
    public async Task GetTimeline_UntouchedTimeline_ChainVerifiedAndSealingTheWholeRecord()
    {
        var (senegal, received) = await ReceivedMlaAsync();

        var timeline = await GetTimelineWithChainAsync(senegal, received.Id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(timeline.Chain.State, Is.EqualTo(ChainState.Verified));
            Assert.That(timeline.Chain.BrokenAt, Is.Null);
            Assert.That(timeline.Chain.Problem, Is.Null);
            Assert.That(timeline.Chain.CoversRecord, Is.True);
            Assert.That(timeline.Events.Select(e => e.Verified), Is.All.True);
        }
    }

    // Events sealed before the chain covered the record (hash format 1, no record digest) keep verifying
    // under their own rule; the next event seals the record, and from then on the content is checked too.
    [Test]
    public async Task GetTimeline_EventsSealedBeforeTheChainCoveredTheRecord_StillVerifyAndTheNextEventSealsTheRecord()
    {
        var (senegal, received) = await ReceivedMlaAsync();
        await RewriteAsFormat1Async(received.Id);

        var before = await GetTimelineWithChainAsync(senegal, received.Id);
        var noted = await StepAsync(senegal, received, "notes", new { note = "Following up." });
        var after = await GetTimelineWithChainAsync(senegal, received.Id);
        await using (var connection = await OpenConnectionAsync())
        {
            await connection.ExecuteAsync("UPDATE requests SET subject = 'Something else' WHERE id = @id", new { id = received.Id });
        }

        var edited = await GetTimelineWithChainAsync(senegal, received.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((before.Chain.State, before.Chain.CoversRecord), Is.EqualTo((ChainState.Verified, false)), "format 1 only");
            Assert.That(before.Events.Select(e => e.Verified), Is.All.True);
            Assert.That(noted.Version, Is.EqualTo(4));
            Assert.That((after.Chain.State, after.Chain.CoversRecord), Is.EqualTo((ChainState.Verified, true)), "a format 2 event after format 1 events");
            Assert.That(after.Events.Select(e => e.Verified), Is.All.True);
            Assert.That((edited.Chain.State, edited.Chain.BrokenAt), Is.EqualTo((ChainState.Broken, (int?)4)), "the content is checked from the format 2 event on");
        }
    }

    [Test]
    public async Task RequestEvents_UpdateOrDelete_RejectedByTheDatabaseAndTheTimelineUnchanged()
    {
        var (mali, transmitted) = await TransmittedMlaAsync();
        await using var connection = await OpenConnectionAsync();

        Assert.That(
            async () => await connection.ExecuteAsync("UPDATE request_events SET note = 'x'"),
            Throws.InstanceOf<DbException>().With.Message.Contains("request_events is append-only").And.Message.Contains("UPDATE"));
        Assert.That(
            async () => await connection.ExecuteAsync("DELETE FROM request_events"),
            Throws.InstanceOf<DbException>().With.Message.Contains("request_events is append-only").And.Message.Contains("DELETE"));

        var request = await GetRequestAsync(mali, transmitted.Id);
        var timeline = await GetTimelineAsync(mali, transmitted.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That((request.Version, request.Status), Is.EqualTo((2, RequestStatus.Transmitted)));
            Assert.That(timeline.Select(e => (e.Action, e.Note)), Is.EqualTo(new (string, string?)[] { ("create-draft", null), ("transmit", null) }));
            Assert.That(timeline.Select(e => e.Verified), Is.All.True);
            Assert.That(await CountAsync("request_events"), Is.EqualTo(2));
        }
    }

    /// <summary>Makes the request's events what they were before hash format 2: no record digest, hashed by the old rule.</summary>
    private async Task RewriteAsFormat1Async(Guid id)
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
                var hash = EventChain.Hash(previous, row.ToChained().Event with { RecordSha256 = null });
                await connection.ExecuteAsync(
                    "UPDATE request_events SET hash_format = 1, record_sha256 = NULL, previous_hash = @previous, hash = @hash WHERE request_id = @id AND sequence_number = @sequence",
                    new { previous, hash, id, sequence = row.SequenceNumber });
                previous = hash;
            }

            await connection.ExecuteAsync("UPDATE requests SET last_event_hash = @previous WHERE id = @id", new { previous, id });
        }
        finally
        {
            await restoreTriggers();
        }
    }
}
