namespace Mla.Api.Infrastructure.Auth;

/// <summary>
/// "Today" for the signed-in user: the date in the time zone of the user's State (reference data,
/// <c>states.time_zone</c>). Most of the region is on UTC, Niger, Nigeria, Benin and Chad on UTC+1, Cabo
/// Verde on UTC−1, so two users' todays can differ by a day. Users without a State, and States without
/// a zone, are on UTC.
/// </summary>
public sealed class UserClock(IDbSession session, ICurrentUser currentUser, TimeProvider time)
{
    private const string TimeZoneSql = "SELECT time_zone FROM states WHERE iso3 = @state";

    private TimeZoneInfo? _zone;

    public async Task<DateOnly> TodayAsync(CancellationToken cancellationToken)
    {
        _zone ??= await FindZoneAsync(cancellationToken);
        return DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(time.GetUtcNow(), _zone).DateTime);
    }

    private async Task<TimeZoneInfo> FindZoneAsync(CancellationToken cancellationToken)
    {
        var state = currentUser.IsAuthenticated ? currentUser.State : null;
        var id = state is null ? null : await session.QuerySingleOrDefaultAsync<string>(TimeZoneSql, new { state }, cancellationToken);
        return id is not null && TimeZoneInfo.TryFindSystemTimeZoneById(id, out var zone) ? zone : TimeZoneInfo.Utc;
    }
}
