using Mla.Api.Features.Auth;
using Mla.Domain.Timeline;

namespace Mla.Api.Features.Notifications;

/// <summary>
/// What moved, per State: <c>request_updates</c> holds each event once for each State party to its request,
/// keyed by State and time, so a State's updates and their count are a range of one index however many
/// requests there are. Which of them a user may see is decided by the request, with the very condition
/// of every request list (<see cref="RequestAccess.VisibleCondition"/>): a draft's events reach the
/// requested State only once the request is transmitted, a discarded draft's reach no one, and a third
/// State has no row at all.
/// </summary>
public sealed class UpdateFeed(IDbSession session) : IUnreadUpdates
{
    private const string InsertSql = """
        INSERT INTO request_updates (state_iso3, recorded_at, request_id, sequence_number)
        VALUES (@state, @recordedAt, @requestId, @sequenceNumber)
        """;

    /// <summary>A State's updates (<c>u</c>) with their requests (<c>r</c>).</summary>
    public const string UpdatesFrom = "FROM request_updates u JOIN requests r ON r.id = u.request_id";

    /// <summary>Those the caller may see since a moment (<c>@state</c>, <c>@draft</c>, <c>@since</c>).</summary>
    public const string VisibleSince = $"WHERE u.state_iso3 = {RequestAccess.State} AND u.recorded_at > @since AND " + RequestAccess.VisibleCondition;

    public const string CountSql = "SELECT COUNT(*) " + UpdatesFrom + "\n" + VisibleSince;

    public async Task AddAsync(TimelineEvent recorded, EventRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(request);
        string[] states = request.RequestedState == request.RequestingState
            ? [request.RequestingState]
            : [request.RequestingState, request.RequestedState];
        foreach (var state in states)
        {
            await session.ExecuteAsync(InsertSql, new
            {
                state,
                recordedAt = recorded.RecordedAt,
                requestId = recorded.RequestId,
                sequenceNumber = recorded.SequenceNumber,
            }, cancellationToken);
        }
    }

    public async Task<long> CountAsync(string state, DateTimeOffset since, CancellationToken cancellationToken) =>
        await session.ExecuteScalarAsync<long>(CountSql, new { state, draft = RequestStatus.Draft.ToCode(), since }, cancellationToken);
}
