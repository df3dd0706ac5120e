using Mla.Api.Infrastructure.Data;
using Mla.Domain;
using Mla.Domain.Requests;

namespace Mla.Api.Features.Requests;

/// <summary>
/// Gives reference numbers, gap-free per requesting State, kind and year. A number is given when a
/// request leaves its draft (transmission, or registration of a request received outside Mla), never at
/// creation: drafts are discarded often, and a discarded draft must not leave a hole in the sequence.
/// The counter row is incremented inside the command's transaction, so a rolled-back transaction gives
/// its number back; concurrent transactions of one State queue on that row, which is why a command
/// takes it as late as it can (<see cref="PeekAsync"/> then <see cref="TryTakeAsync"/>).
/// </summary>
public sealed class ReferenceNumbers(IDbSession session)
{
    private const string IncrementSql = """
        UPDATE reference_counters SET last_number = last_number + 1
        WHERE state_iso3 = @state_iso3 AND kind = @kind AND year = @year
        """;

    // Takes exactly @number, if it is still the next one.
    private const string TakeSql = """
        UPDATE reference_counters SET last_number = @number
        WHERE state_iso3 = @state_iso3 AND kind = @kind AND year = @year AND last_number = @number - 1
        """;

    private const string CurrentSql = """
        SELECT last_number FROM reference_counters WHERE state_iso3 = @state_iso3 AND kind = @kind AND year = @year
        """;

    private static string CreateCounterSql(ISqlDialect dialect) => dialect.InsertIfAbsent(
        "reference_counters", ["state_iso3", "kind", "year", "last_number"], ["state_iso3", "kind", "year"]);

    /// <summary>The number the next request would take, read without any lock (it may be taken meanwhile).</summary>
    public async Task<ReferenceNumber> PeekAsync(string requestingState, RequestKind kind, int year, CancellationToken cancellationToken)
    {
        var current = await session.QuerySingleOrDefaultAsync<int?>(CurrentSql, Key(requestingState, kind, year), cancellationToken);
        return new ReferenceNumber(requestingState, kind, year, (current ?? 0) + 1);
    }

    /// <summary>Takes <paramref name="number"/> if it is still the next one; false when another request took it first.</summary>
    public async Task<bool> TryTakeAsync(ReferenceNumber number, CancellationToken cancellationToken)
    {
        await EnsureCounterAsync(number.RequestingState, number.Kind, number.Year, cancellationToken);
        var parameters = Key(number.RequestingState, number.Kind, number.Year);
        parameters["number"] = number.Sequence;
        return await session.ExecuteAsync(TakeSql, parameters, cancellationToken) == 1;
    }

    /// <summary>Takes the next number, whatever it is; the counter's row is held until the transaction ends.</summary>
    public async Task<ReferenceNumber> NextAsync(string requestingState, RequestKind kind, int year, CancellationToken cancellationToken)
    {
        await EnsureCounterAsync(requestingState, kind, year, cancellationToken);
        var key = Key(requestingState, kind, year);
        await session.ExecuteAsync(IncrementSql, key, cancellationToken);
        var sequence = await session.ExecuteScalarAsync<int>(CurrentSql, key, cancellationToken);
        return new ReferenceNumber(requestingState, kind, year, sequence);
    }

    // The first number of a year creates its counter; a concurrent creator waits, then finds it there.
    private Task<int> EnsureCounterAsync(string requestingState, RequestKind kind, int year, CancellationToken cancellationToken) =>
        session.ExecuteAsync(CreateCounterSql(session.Dialect),
            new Dictionary<string, object?>(Key(requestingState, kind, year)) { ["last_number"] = 0 }, cancellationToken);

    private static Dictionary<string, object?> Key(string requestingState, RequestKind kind, int year) =>
        new() { ["state_iso3"] = requestingState, ["kind"] = kind.ToCode(), ["year"] = year };
}
