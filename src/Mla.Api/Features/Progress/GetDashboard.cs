using Dapper;
using Mediator;
using Mla.Api.Features.Requests;
using Mla.Api.Infrastructure.Auth;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Infrastructure.Errors;
using Mla.Domain;
using Mla.Domain.Access;
using Mla.Domain.Progress;
using Mla.Domain.Requests;

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
public sealed record DashboardRequestDto
{
    public Guid Id { get; init; }

    public string? ReferenceNumber { get; init; }

    public RequestKind Kind { get; init; }

    public RequestStatus Status { get; init; }

    public required string RequestingState { get; init; }

    public required string RequestedState { get; init; }

    public string? Subject { get; init; }

    public IReadOnlyList<Deadline> Deadlines { get; init; } = [];

    public int? DaysPending { get; init; }

    public DateTimeOffset UpdatedAt { get; init; }
}

/// <summary>
/// Every figure is counted by the database with the indexes of migration 0008 (never rows loaded to
/// be counted); lists are bounded (<see cref="ListSize"/>).
/// </summary>
public sealed class GetDashboardHandler(IDbSession session, ICurrentUser currentUser, UserClock clock, TimeProvider time)
    : IQueryHandler<GetDashboardQuery, DashboardDto>
{
    public const int ListSize = 10;

    private const string Pending = "r.status IN ('transmitted', 'received', 'in-execution', 'awaiting-information', 'postponed')";

    // A State's users: the same rule as RequestAccess.VisibleCondition, split by side so each count uses
    // the side's index.
    private const string StateOutgoing = "r.requesting_state = @state AND r.discarded_at IS NULL";
    private const string StateIncoming = "r.requested_state = @state AND r.status <> @draft AND r.discarded_at IS NULL";

    // A secretariat: requests of its network's States, never drafts.
    private const string Members = "SELECT m.state_iso3 FROM network_memberships m WHERE m.network_code = @network";
    private const string NetworkOutgoing = $"r.requesting_state IN ({Members}) AND r.status <> @draft AND r.discarded_at IS NULL";
    private const string NetworkIncoming = $"r.requested_state IN ({Members}) AND r.status <> @draft AND r.discarded_at IS NULL";
    private const string NetworkAny = $"({NetworkOutgoing} OR {NetworkIncoming})";

    private const string RequestColumns = $"""
        r.id AS {nameof(DashboardRow.Id)}, r.reference_number AS {nameof(DashboardRow.ReferenceNumber)}, r.kind AS {nameof(DashboardRow.Kind)},
        r.status AS {nameof(DashboardRow.Status)}, r.requesting_state AS {nameof(DashboardRow.RequestingState)},
        r.requested_state AS {nameof(DashboardRow.RequestedState)}, r.subject AS {nameof(DashboardRow.Subject)},
        r.updated_at AS {nameof(DashboardRow.UpdatedAt)},
        """ + RequestStore.ScheduleColumns;

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

        var parameters = new DynamicParameters(new { state, draft = RequestStatus.Draft.ToCode(), today, since, limit = ListSize, offset = 0 });
        var visible = $"(({StateOutgoing}) OR ({StateIncoming}))";
        List<OverdueDto> overdue = [];
        foreach (var kind in Enum.GetValues<DeadlineKind>())
        {
            var column = RequestStore.DueColumn(kind);
            var condition = $"{visible} AND r.{column} < @today";
            var total = await CountAsync(condition, parameters, cancellationToken);
            var rows = total == 0 ? [] : await ListAsync(condition, $"r.{column}, r.id", parameters, cancellationToken);
            overdue.Add(new OverdueDto(kind, total, [.. rows.Select(row => row.ToDto(today))]));
        }

        var changed = $"{visible} AND r.updated_at >= @since";
        var changedTotal = await CountAsync(changed, parameters, cancellationToken);
        var changedRows = changedTotal == 0 ? [] : await ListAsync(changed, "r.updated_at DESC, r.id DESC", parameters, cancellationToken);

        return new DashboardDto
        {
            State = state,
            Today = today,
            Outgoing = await StatusCountsAsync(StateOutgoing, parameters, cancellationToken),
            Incoming = await StatusCountsAsync(StateIncoming, parameters, cancellationToken),
            Overdue = overdue,
            ChangedLast7Days = new DashboardListDto(changedTotal, [.. changedRows.Select(row => row.ToDto(today))]),
            OldestPending = await OldestPendingAsync(
                $"CASE WHEN r.requesting_state = @state THEN r.requested_state ELSE r.requesting_state END", $"{visible} AND {Pending}", parameters, today, withRequest: true, cancellationToken),
        };
    }

    private async Task<DashboardDto> NetworkAsync(string network, DateOnly today, DateTimeOffset since, CancellationToken cancellationToken)
    {
        var parameters = new DynamicParameters(new { network, draft = RequestStatus.Draft.ToCode(), today, since });
        List<OverdueDto> overdue = [];
        foreach (var kind in Enum.GetValues<DeadlineKind>())
        {
            overdue.Add(new OverdueDto(kind, await CountAsync($"{NetworkAny} AND r.{RequestStore.DueColumn(kind)} < @today", parameters, cancellationToken), []));
        }

        return new DashboardDto
        {
            Network = network,
            Today = today,
            Outgoing = await StatusCountsAsync(NetworkOutgoing, parameters, cancellationToken),
            Incoming = await StatusCountsAsync(NetworkIncoming, parameters, cancellationToken),
            Overdue = overdue,
            ChangedLast7Days = new DashboardListDto(await CountAsync($"{NetworkAny} AND r.updated_at >= @since", parameters, cancellationToken), []),
            OldestPending = await OldestPendingAsync("r.requested_state", $"{NetworkAny} AND {Pending}", parameters, today, withRequest: false, cancellationToken),
        };
    }

    private async Task<IReadOnlyList<StatusCountDto>> StatusCountsAsync(string condition, DynamicParameters parameters, CancellationToken cancellationToken)
    {
        var rows = await session.QueryAsync<CountRow>(
            $"SELECT r.status AS {nameof(CountRow.Key)}, COUNT(*) AS {nameof(CountRow.Count)} FROM requests r WHERE {condition} GROUP BY r.status",
            parameters,
            cancellationToken);
        return [.. rows.Select(row => new StatusCountDto(KebabCode.Parse<RequestStatus>(row.Key), row.Count)).OrderBy(count => count.Status)];
    }

    private Task<long> CountAsync(string condition, DynamicParameters parameters, CancellationToken cancellationToken) =>
        session.ExecuteScalarAsync<long>($"SELECT COUNT(*) FROM requests r WHERE {condition}", parameters, cancellationToken);

    private Task<IReadOnlyList<DashboardRow>> ListAsync(string condition, string orderBy, DynamicParameters parameters, CancellationToken cancellationToken) =>
        session.QueryAsync<DashboardRow>(
            $"SELECT {RequestColumns}\nFROM requests r\nWHERE {condition}\nORDER BY {orderBy}\n{session.Dialect.Paging()}",
            parameters,
            cancellationToken);

    // One row per counterpart: the pending request transmitted first (ties by id), and how many are pending there.
    private async Task<IReadOnlyList<OldestPendingDto>> OldestPendingAsync(
        string counterpart, string condition, DynamicParameters parameters, DateOnly today, bool withRequest, CancellationToken cancellationToken)
    {
        var sql = $"""
            SELECT x.* FROM (
                SELECT {RequestColumns}, {counterpart} AS {nameof(DashboardRow.Counterpart)},
                       COUNT(*) OVER (PARTITION BY {counterpart}) AS {nameof(DashboardRow.PendingThere)},
                       ROW_NUMBER() OVER (PARTITION BY {counterpart} ORDER BY r.transmitted_on, r.id) AS row_rank
                FROM requests r
                WHERE {condition}
            ) x
            WHERE x.row_rank = 1
            ORDER BY x.{nameof(DashboardRow.Counterpart)}
            """;
        var rows = await session.QueryAsync<DashboardRow>(sql, parameters, cancellationToken);
        return [.. rows.Select(row => new OldestPendingDto(row.Counterpart!, row.PendingThere, row.Schedule.DaysPending(today), withRequest ? row.ToDto(today) : null))];
    }

    private sealed record CountRow
    {
        public required string Key { get; init; }

        public long Count { get; init; }
    }

    private sealed record DashboardRow : ScheduledRow
    {
        public Guid Id { get; init; }

        public string? ReferenceNumber { get; init; }

        public required string Kind { get; init; }

        public required string Status { get; init; }

        public required string RequestingState { get; init; }

        public required string RequestedState { get; init; }

        public string? Subject { get; init; }

        public DateTimeOffset UpdatedAt { get; init; }

        public string? Counterpart { get; init; }

        public long PendingThere { get; init; }

        public DashboardRequestDto ToDto(DateOnly today) => new()
        {
            Id = Id,
            ReferenceNumber = ReferenceNumber,
            Kind = KebabCode.Parse<RequestKind>(Kind),
            Status = KebabCode.Parse<RequestStatus>(Status),
            RequestingState = RequestingState,
            RequestedState = RequestedState,
            Subject = Subject,
            Deadlines = Schedule.Deadlines(today),
            DaysPending = Schedule.DaysPending(today),
            UpdatedAt = UpdatedAt,
        };
    }
}
