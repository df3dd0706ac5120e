namespace Mla.Api.Features.Notifications;

/// <summary>
/// The States whose overdue digest of their today is due and not yet written: States with at least one
/// user who opted in to e-mail notices, where the local time has reached <see cref="NoticeOptions.OverdueDigestAt"/>.
/// </summary>
public sealed record FindDueDigestsQuery : IQuery<IReadOnlyList<DueDigest>>;

/// <summary>A State's digest of one of its days (<paramref name="Day"/>: the date in the State's time zone).</summary>
public sealed record DueDigest(string State, DateOnly Day);

public sealed class FindDueDigestsHandler(IDbSession session, NoticeOptions options, TimeProvider time)
    : IQueryHandler<FindDueDigestsQuery, IReadOnlyList<DueDigest>>
{
    /// <summary>Who may get a digest: the case workers of a State (the requests are theirs to see), opted in, with an address.</summary>
    internal const string RecipientCondition = """
        u.email_notices = @notices AND u.is_disabled = @disabled AND u.email IS NOT NULL
          AND u.role IN ('central-authority', 'focal-point', 'prosecutor')
        """;

    private const string StatesSql = $"""
        SELECT DISTINCT s.iso3 AS {nameof(StateZone.State)}, s.time_zone AS {nameof(StateZone.TimeZone)}
        FROM states s JOIN users u ON u.state_iso3 = s.iso3
        WHERE {RecipientCondition}
        """;

    private const string WrittenSql = "SELECT COUNT(*) FROM overdue_digests WHERE state_iso3 = @state AND digest_on = @day";

    public async ValueTask<IReadOnlyList<DueDigest>> Handle(FindDueDigestsQuery query, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        List<DueDigest> due = [];
        foreach (var state in await session.QueryAsync<StateZone>(StatesSql, new { notices = true, disabled = false }, cancellationToken))
        {
            var local = TimeZoneInfo.ConvertTime(now, ZoneOf(state.TimeZone));
            if (local.TimeOfDay < options.OverdueDigestAt)
            {
                continue;
            }

            var day = DateOnly.FromDateTime(local.DateTime);
            if (await session.ExecuteScalarAsync<long>(WrittenSql, new { state = state.State, day }, cancellationToken) == 0)
            {
                due.Add(new DueDigest(state.State, day));
            }
        }

        return due;
    }

    /// <summary>The State's zone as <c>UserClock</c> reads it: UTC when it has none or the system does not know it.</summary>
    private static TimeZoneInfo ZoneOf(string? id) =>
        id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;

    private sealed record StateZone
    {
        public required string State { get; init; }

        public string? TimeZone { get; init; }
    }
}
