using System.Diagnostics.CodeAnalysis;
using Dapper;
using Mla.Domain.Access;
using Mla.Domain.Progress;

namespace Mla.Api.Features.Progress;

/// <summary>Where the caller's requests stand: for a State's users their State, for a secretariat its network (counts only).</summary>
public sealed record GetDashboardQuery : IQuery<DashboardDto>;

/// <summary>
/// Counts per status sent and received, what is overdue per deadline kind, what changed in the last 7
/// days, and the oldest pending request per counterpart State. For a secretariat the same for its
/// network's States, as figures only: <c>requests</c> lists are empty and no reference is given.
/// </summary>
public sealed record DashboardDto
{
    /// <summary>The caller's State, or null for a secretariat.</summary>
    public string? State { get; init; }

    /// <summary>The secretariat's network, or null for a State's user.</summary>
    public string? Network { get; init; }

    /// <summary>The day deadlines are judged on: the caller's today.</summary>
    public DateOnly Today { get; init; }

    /// <summary>Requests the State (the network's States) sent, per status; drafts only for a State's own.</summary>
    public IReadOnlyList<StatusCountDto> Outgoing { get; init; } = [];

    /// <summary>Requests sent to the State (to the network's States), per status.</summary>
    public IReadOnlyList<StatusCountDto> Incoming { get; init; } = [];

    /// <summary>One entry per deadline kind: how many are overdue and, for a State's users, the most overdue first.</summary>
    public IReadOnlyList<OverdueDto> Overdue { get; init; } = [];

    /// <summary>Requests changed (any event) in the last 7 days, the most recent first.</summary>
    public required DashboardListDto ChangedLast7Days { get; init; }

    /// <summary>Per counterpart State (for a network: per requested State), the request pending longest.</summary>
    public IReadOnlyList<OldestPendingDto> OldestPending { get; init; } = [];
}

public sealed record StatusCountDto(RequestStatus Status, long Count);

public sealed record OverdueDto(DeadlineKind Kind, long Total, IReadOnlyList<DashboardRequestDto> Requests);

public sealed record DashboardListDto(long Total, IReadOnlyList<DashboardRequestDto> Requests);

/// <summary>
/// <see cref="Request"/> is the oldest pending request (null for a secretariat); <see cref="Pending"/> how
/// many are pending with that State; <see cref="DaysPending"/> the oldest one's active days.
/// </summary>
public sealed record OldestPendingDto(string CounterpartState, long Pending, int? DaysPending, DashboardRequestDto? Request);

/// <summary>A request as the dashboard lists it.</summary>
public sealed record DashboardRequestDto : ListedRequestDto
{
    public DashboardRequestDto()
    {
    }

    [SetsRequiredMembers]
    internal DashboardRequestDto(ListedRequestRow row)
        : base(row)
    {
    }

    public string? Subject { get; init; }

    public IReadOnlyList<Deadline> Deadlines { get; init; } = [];

    public int? DaysPending { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>
/// Every figure comes from the database without loading rows to count them, and none grows with the
/// register: counts per status and pending requests per pair of States from <c>request_tallies</c>
/// (<see cref="RequestTallies"/>); overdue and changed requests from each side's index of migration
/// 0008, one side at a time; the oldest pending request of each pair from the pending index of
/// migration 0012. Lists are bounded (<see cref="ListSize"/>).
/// </summary>
public sealed class GetDashboardHandler(IDbSession session, ICurrentUser currentUser, UserClock clock, TimeProvider time)
    : IQueryHandler<GetDashboardQuery, DashboardDto>
{
    public const int ListSize = 10;

    /// <summary>The statuses of a request waiting on the requested State, written as the pending index of migration 0012 is.</summary>
    public const string PendingStatuses = "('transmitted', 'received', 'in-execution', 'awaiting-information', 'postponed')";

    // Deadlines run only once a request is transmitted: never on a draft, so never on a discarded one.
    // The side's State and the due date are then all a count needs, read from the partial index alone.
    private const string DueOutgoing = $"r.requesting_state = {RequestAccess.State}";
    private const string DueIncoming = $"r.requested_state = {RequestAccess.State}";

    // A secretariat: requests of its network's States, never drafts.
    private const string Members = "SELECT m.state_iso3 FROM network_memberships m WHERE m.network_code = @network";
    private const string NetworkOutgoing = $"r.requesting_state IN ({Members}) AND r.status <> @draft";
    private const string NetworkIncoming = $"r.requested_state IN ({Members}) AND r.status <> @draft";
    private const string NetworkAny = $"({NetworkOutgoing} OR {NetworkIncoming}) AND r.discarded_at IS NULL";

    public async ValueTask<DashboardDto> Handle(GetDashboardQuery query, CancellationToken cancellationToken)
    {
        var today = await clock.TodayAsync(cancellationToken);
        var since = time.GetUtcNow().AddDays(-7);
        if (currentUser.Role == Role.Secretariat && currentUser.Network is { } network)
        {
            return await NetworkAsync(network, today, since, cancellationToken);
        }

        if (currentUser.Role == Role.Admin || currentUser.State is not { } state)
        {
            throw new ForbiddenException("The dashboard is for a State's users and for network secretariats.");
        }

        var parameters = new DynamicParameters(new { state, draft = RequestStatus.Draft.ToCode(), today, since, limit = ListSize, offset = 0, side_limit = ListSize, side_offset = 0 });
        List<OverdueDto> overdue = [];
        foreach (var kind in Enum.GetValues<DeadlineKind>())
        {
            var sides = OverdueSides(kind);
            var total = await CountAsync(sides, parameters, cancellationToken);
            var rows = total == 0 ? [] : await FirstOfSidesAsync(sides, $"r.{RequestStore.DueColumn(kind)}", ascending: true, parameters, cancellationToken);
            overdue.Add(new OverdueDto(kind, total, [.. rows.Select(row => row.ToDto(today))]));
        }

        var changedTotal = await CountAsync(ChangedSides, parameters, cancellationToken);
        var changedRows = changedTotal == 0 ? [] : await FirstOfSidesAsync(ChangedSides, "r.updated_at", ascending: false, parameters, cancellationToken);

        return new DashboardDto
        {
            State = state,
            Today = today,
            Outgoing = await StatusCountsAsync(RequestSide.Outgoing.TallyCondition, parameters, cancellationToken),
            Incoming = await StatusCountsAsync(RequestSide.Incoming.TallyCondition, parameters, cancellationToken),
            Overdue = overdue,
            ChangedLast7Days = new DashboardListDto(changedTotal, [.. changedRows.Select(row => row.ToDto(today))]),
            OldestPending = await OldestPendingAsync(
                StatePairs,
                pair => pair.RequestingState == state ? pair.RequestedState : pair.RequestingState,
                parameters, today, withRequest: true, cancellationToken),
        };
    }

    private async Task<DashboardDto> NetworkAsync(string network, DateOnly today, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(new { network, draft = RequestStatus.Draft.ToCode(), today, since });
        List<OverdueDto> overdue = [];
        foreach (var kind in Enum.GetValues<DeadlineKind>())
        {
            overdue.Add(new OverdueDto(kind, await CountAsync([$"{NetworkAny} AND r.{RequestStore.DueColumn(kind)} < @today"], parameters, cancellationToken), []));
        }

        return new DashboardDto
        {
            Network = network,
            Today = today,
            Outgoing = await StatusCountsAsync(NetworkOutgoing, parameters, cancellationToken),
            Incoming = await StatusCountsAsync(NetworkIncoming, parameters, cancellationToken),
            Overdue = overdue,
            ChangedLast7Days = new DashboardListDto(await CountAsync([$"{NetworkAny} AND r.updated_at >= @since"], parameters, cancellationToken), []),
            OldestPending = await OldestPendingAsync(
                NetworkPairs,
                pair => pair.RequestedState, parameters, today, withRequest: false, cancellationToken),
        };
    }

    // Per status, the sum of the tallies of the side (the tallies are aliased r, as the requests are).
    private async Task<IReadOnlyList<StatusCountDto>> StatusCountsAsync(string tallyCondition, DynamicParameters parameters, CancellationToken cancellationToken)
    {
        var rows = await session.QueryAsync<CountRow>(
            $"""
            SELECT r.status AS {nameof(CountRow.Key)}, SUM(r.requests) AS {nameof(CountRow.Count)}
            FROM request_tallies r WHERE {tallyCondition}
            GROUP BY r.status HAVING SUM(r.requests) > 0
            """,
            parameters,
            cancellationToken);
        return [.. rows.Select(row => new StatusCountDto(KebabCode.Parse<RequestStatus>(row.Key), row.Count)).OrderBy(count => count.Status)];
    }

    // Sides never overlap (a State never requests itself), so their counts add up.
    private async Task<long> CountAsync(IReadOnlyList<string> sides, DynamicParameters parameters, CancellationToken cancellationToken)
    {
        long total = 0;
        foreach (var side in sides)
        {
            total += await session.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM requests r WHERE {side}", parameters, cancellationToken);
        }

        return total;
    }

    // The first ListSize requests of each side in its index's order, merged: never a sort of all the matches.
    private Task<IReadOnlyList<DashboardRow>> FirstOfSidesAsync(
        IReadOnlyList<string> sides, string sortColumn, bool ascending, DynamicParameters parameters, CancellationToken cancellationToken) =>
        session.QueryAsync<DashboardRow>(FirstOfSidesSql(session.Dialect, sides, sortColumn, ascending), parameters, cancellationToken);

    /// <summary>The first <c>@limit</c> requests of each of <paramref name="sides"/> by <paramref name="sortColumn"/> (never null there), merged.</summary>
    public static string FirstOfSidesSql(ISqlDialect dialect, IReadOnlyList<string> sides, string sortColumn, bool ascending) =>
        RequestSearch.SidesPageSql(dialect, sides, RequestSearch.Order(sortColumn, nullable: false, ascending), ListedRequestRow.Columns);

    /// <summary>The sides the dashboard of a State's user lists overdue requests from, for <paramref name="kind"/>.</summary>
    public static IReadOnlyList<string> OverdueSides(DeadlineKind kind) =>
        [$"{DueOutgoing} AND r.{RequestStore.DueColumn(kind)} < @today", $"{DueIncoming} AND r.{RequestStore.DueColumn(kind)} < @today"];

    /// <summary>The sides the dashboard of a State's user lists changed requests from.</summary>
    public static readonly IReadOnlyList<string> ChangedSides =
        [$"{RequestSide.Outgoing.Condition} AND r.updated_at >= @since", $"{RequestSide.Incoming.Condition} AND r.updated_at >= @since"];

    /// <summary>Which pairs of States a State's user (<c>@state</c>) or a network's secretariat (<c>@network</c>) looks at.</summary>
    public const string StatePairs = $"(r.requesting_state = {RequestAccess.State} OR r.requested_state = {RequestAccess.State})";

    public const string NetworkPairs = $"(r.requesting_state IN ({Members}) OR r.requested_state IN ({Members}))";

    // The pairs of States with pending requests and how many (from the tallies), and the oldest pending
    // request of each pair, read as the first entry of the pair in the pending index; then per
    // counterpart the pairs' sum and the oldest of their oldest.
    private async Task<IReadOnlyList<OldestPendingDto>> OldestPendingAsync(
        string pairCondition, Func<DashboardRow, string> counterpartOf, DynamicParameters parameters, DateOnly today, bool withRequest, CancellationToken cancellationToken)
    {
        var rows = await session.QueryAsync<DashboardRow>(OldestPendingSql(session.Dialect, pairCondition), parameters, cancellationToken);
        return [.. rows
            .GroupBy(counterpartOf, StringComparer.Ordinal)
            .OrderBy(group => group.Key, StringComparer.Ordinal)
            .Select(group =>
            {
                var oldest = group.OrderBy(row => row.TransmittedOn).ThenBy(row => row.Id).First();
                return new OldestPendingDto(group.Key, group.Sum(row => row.PendingThere), oldest.Schedule.DaysPending(today), withRequest ? oldest.ToDto(today) : null);
            })];
    }

    /// <summary>Per pair of States of <paramref name="pairCondition"/> with pending requests: the oldest of them and how many.</summary>
    public static string OldestPendingSql(ISqlDialect dialect, string pairCondition)
    {
        ArgumentNullException.ThrowIfNull(dialect);
        return $"""
            SELECT {ListedRequestRow.Columns}, pair.pending AS {nameof(DashboardRow.PendingThere)}
            FROM (
                SELECT r.requesting_state, r.requested_state, SUM(r.requests) AS pending
                FROM request_tallies r
                WHERE {pairCondition} AND r.status IN {PendingStatuses}
                GROUP BY r.requesting_state, r.requested_state
                HAVING SUM(r.requests) > 0
            ) pair
            JOIN requests r ON r.id = (
                SELECT p.id FROM requests p
                WHERE p.requested_state = pair.requested_state AND p.requesting_state = pair.requesting_state AND p.status IN {PendingStatuses}
                ORDER BY p.transmitted_on, p.id
                {dialect.Paging("0", "1")})
            """;
    }

    private sealed record CountRow
    {
        public required string Key { get; init; }

        public long Count { get; init; }
    }

    private sealed record DashboardRow : ListedRequestRow
    {
        public long PendingThere { get; init; }

        public DashboardRequestDto ToDto(DateOnly today) => new(this)
        {
            Subject = Subject,
            Deadlines = Schedule.Deadlines(today),
            DaysPending = Schedule.DaysPending(today),
            UpdatedAt = UpdatedAt,
        };
    }
}
