using Mla.Api.Infrastructure.Data;

namespace Mla.Api.Tests.Features.Requests;

public sealed class GetTimelineTests(DatabaseEngine engine) : RequestTest(engine)
{
    [Test]
    public async Task GetTimeline_EventAlteredInTheDatabase_NotVerifiedFromThatEventOn()
    {
        var (senegal, received) = await ReceivedMlaAsync();
        await StepAsync(senegal, received, "notes", new { note = "Following up." });

        await ExecuteAsDatabaseAdministratorAsync(
            "UPDATE request_events SET occurred_on = @earlier WHERE request_id = @id AND sequence_number = 2",
            new { earlier = Today.AddDays(-10), id = received.Id });

        var timeline = await GetTimelineAsync(senegal, received.Id);
        Assert.That(timeline.Select(e => e.Verified), Is.EqualTo(new[] { true, false, false, false }));
    }

    [Test]
    public async Task GetTimeline_UntouchedTimeline_EveryEventVerifiedOldestFirst()
    {
        var (senegal, received) = await ReceivedMlaAsync();

        var timeline = await GetTimelineAsync(senegal, received.Id);

        Assert.That(timeline.Select(e => e.SequenceNumber), Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(timeline.Select(e => e.Verified), Is.All.True);
        Assert.That(timeline.Select(e => e.RecordedAt.Offset), Is.All.EqualTo(TimeSpan.Zero));
    }

    [Test]
    public async Task RequestEvents_UpdateOrDelete_RejectedByTheDatabase()
    {
        var (_, transmitted) = await TransmittedMlaAsync();
        await using var connection = await OpenConnectionAsync();

        Assert.That(async () => await Dapper.SqlMapper.ExecuteAsync(connection, "UPDATE request_events SET note = 'x'"), Throws.Exception);
        Assert.That(async () => await Dapper.SqlMapper.ExecuteAsync(connection, "DELETE FROM request_events"), Throws.Exception);
        Assert.That(await CountAsync("request_events"), Is.EqualTo(2));
        Assert.That(transmitted.Version, Is.EqualTo(2));
    }
}
