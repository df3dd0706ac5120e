using System.Data.Common;
using Dapper;
using Mla.Api.Infrastructure.Data;
using Mla.Domain.Requests;

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
}
