using Dapper;
using Mla.Api.Infrastructure.Data;

namespace Mla.Api.Tests.Infrastructure;

/// <summary>Guid, DateTimeOffset (to the microsecond) and DateOnly come back from every engine exactly as written.</summary>
public sealed class DapperTypeHandlersTests(DatabaseEngine engine) : ApiTest(engine)
{
    [Test]
    public async Task RoundTrip_GuidInstantAndDate_ComeBackExactly()
    {
        var user = await EnsureUserAsync("mli.ca");
        var requestId = Guid.NewGuid();
        // An instant with microseconds and a non-UTC offset: stored as UTC, to the microsecond.
        var written = new DateTimeOffset(2026, 3, 14, 15, 9, 26, 535, TimeSpan.FromHours(1)).AddTicks(8970);
        var timeLimit = new DateOnly(2027, 2, 28);
        await using var connection = await OpenConnectionAsync();

        await connection.ExecuteAsync(
            """
            INSERT INTO requests (id, kind, status, requesting_state, requested_state, time_limit, created_by, created_at, updated_at)
            VALUES (@requestId, 'mla', 'draft', 'MLI', 'SEN', @timeLimit, @createdBy, @written, @written)
            """,
            new { requestId, timeLimit, createdBy = user.Id, written });
        var row = await connection.QuerySingleAsync<Row>(
            "SELECT id AS Id, created_at AS CreatedAt, time_limit AS TimeLimit, created_by AS CreatedBy FROM requests WHERE id = @requestId",
            new { requestId });

        Assert.Multiple(() =>
        {
            Assert.That(row.Id, Is.EqualTo(requestId));
            Assert.That(row.CreatedBy, Is.EqualTo(user.Id));
            Assert.That(row.CreatedAt, Is.EqualTo(written));
            Assert.That(row.CreatedAt.Offset, Is.EqualTo(TimeSpan.Zero));
            Assert.That(row.CreatedAt.Ticks % 10, Is.Zero);
            Assert.That(row.TimeLimit, Is.EqualTo(timeLimit));
        });
    }

    [Test]
    public async Task RoundTrip_SubMicrosecondTicks_AreTruncatedTheSameOnEveryEngine()
    {
        var user = await EnsureUserAsync("sen.ca");
        var written = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero).AddTicks(1234567);
        await using var connection = await OpenConnectionAsync();

        await connection.ExecuteAsync("UPDATE users SET locked_until = @written WHERE id = @id", new { written, id = user.Id });
        var read = await connection.QuerySingleAsync<DateTimeOffset>("SELECT locked_until FROM users WHERE id = @id", new { id = user.Id });

        Assert.That(read, Is.EqualTo(written.AddTicks(-7)));
    }

    private sealed record Row
    {
        public Guid Id { get; init; }

        public Guid CreatedBy { get; init; }

        public DateTimeOffset CreatedAt { get; init; }

        public DateOnly? TimeLimit { get; init; }
    }
}
