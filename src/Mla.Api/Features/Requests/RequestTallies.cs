namespace Mla.Api.Features.Requests;

/// <summary>
/// Keeps <c>request_tallies</c> (migration 0012) in step with the requests: how many requests each pair
/// of States has per kind and status, discarded drafts left out. The dashboard's counts and a list's
/// total read these few rows instead of counting the register, so they stay flat at a million requests.
/// <see cref="RequestStore"/> wraps each write that can change a request's key
/// (<see cref="ChangingAsync{T}"/>): the key is read before and after the write, in the write's
/// transaction, and the two rows moved when it changed.
/// </summary>
public sealed class RequestTallies(IDbSession session)
{
    /// <summary>Counts every request again: for the synthetic seeder, which writes around <see cref="RequestStore"/>, and for repairs.</summary>
    public const string RebuildSql = """
        DELETE FROM request_tallies;
        INSERT INTO request_tallies (requesting_state, requested_state, kind, status, requests)
        SELECT requesting_state, requested_state, kind, status, COUNT(*)
        FROM requests
        WHERE discarded_at IS NULL
        GROUP BY requesting_state, requested_state, kind, status;
        """;

    private const string KeySql = $"""
        SELECT requesting_state AS {nameof(TallyKey.RequestingState)}, requested_state AS {nameof(TallyKey.RequestedState)},
               kind AS {nameof(TallyKey.Kind)}, status AS {nameof(TallyKey.Status)}
        FROM requests WHERE id = @id AND discarded_at IS NULL
        """;

    private const string KeyCondition = """
        requesting_state = @requesting_state AND requested_state = @requested_state AND kind = @kind AND status = @status
        """;

    private const string AddSql = $"UPDATE request_tallies SET requests = requests + @delta WHERE {KeyCondition}";

    private static readonly string[] Columns = ["requesting_state", "requested_state", "kind", "status", "requests"];

    /// <summary>Runs <paramref name="write"/> on request <paramref name="id"/> and moves its count if its key changed.</summary>
    public async Task<T> ChangingAsync<T>(Guid id, Func<Task<T>> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        var before = await KeyAsync(id, cancellationToken);
        var result = await write();
        var after = await KeyAsync(id, cancellationToken);
        if (before != after)
        {
            await MoveAsync(before, after, cancellationToken);
        }

        return result;
    }

    /// <summary><see cref="ChangingAsync{T}"/> for a write that answers nothing.</summary>
    public Task ChangingAsync(Guid id, Func<Task> write, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(write);
        return ChangingAsync(id, async () =>
        {
            await write();
            return true;
        }, cancellationToken);
    }

    private async Task<TallyKey?> KeyAsync(Guid id, CancellationToken cancellationToken)
    {
        var keys = await session.QueryAsync<TallyKey>(KeySql, new { id }, cancellationToken);
        return keys.Count == 0 ? null : keys[0];
    }

    // Rows are changed in the order of their keys, so two writers moving opposite ways (awaiting
    // information and back) lock them in the same order and cannot deadlock each other.
    private async Task MoveAsync(TallyKey? from, TallyKey? to, CancellationToken cancellationToken)
    {
        List<(TallyKey Key, int Delta)> changes = [];
        if (from is not null)
        {
            changes.Add((from, -1));
        }

        if (to is not null)
        {
            changes.Add((to, 1));
        }

        foreach (var (key, delta) in changes.OrderBy(change => change.Key.SortKey, StringComparer.Ordinal))
        {
            var parameters = new
            {
                requesting_state = key.RequestingState,
                requested_state = key.RequestedState,
                kind = key.Kind,
                status = key.Status,
                requests = 0,
                delta,
            };
            await session.ExecuteAsync(session.Dialect.InsertIfAbsent("request_tallies", Columns, Columns[..^1]), parameters, cancellationToken);
            await session.ExecuteAsync(AddSql, parameters, cancellationToken);
        }
    }

    private sealed record TallyKey
    {
        public required string RequestingState { get; init; }

        public required string RequestedState { get; init; }

        public required string Kind { get; init; }

        public required string Status { get; init; }

        public string SortKey => $"{RequestingState}|{RequestedState}|{Kind}|{Status}";
    }
}
