using Mla.Api.Infrastructure.Data;
using Mla.Domain;
using Mla.Domain.Requests;

namespace Mla.Api.Features.Requests;

/// <summary>
/// Gives reference numbers, gap-free per requesting State, kind and year. A number is given when a
/// request leaves its draft (transmission, or registration of a request received outside Mla), never at
/// creation: drafts are discarded often, and a discarded draft must not leave a hole in the sequence.
/// The counter row is incremented inside the command's transaction, so concurrent transactions queue on
/// it and a rolled-back transaction gives its number back.
/// </summary>
public sealed class ReferenceNumbers(IDbSession session)
{
    private const string IncrementSql = """
        UPDATE reference_counters SET last_number = last_number + 1
        WHERE state_iso3 = @state_iso3 AND kind = @kind AND year = @year
        """;

    private const string CurrentSql = """
        SELECT last_number FROM reference_counters WHERE state_iso3 = @state_iso3 AND kind = @kind AND year = @year
        """;

    private const string AssignSql = "UPDATE requests SET reference_number = @number WHERE id = @id";

    private static string CreateCounterSql(ISqlDialect dialect) => dialect.InsertIfAbsent(
        "reference_counters", ["state_iso3", "kind", "year", "last_number"], ["state_iso3", "kind", "year"]);

    public async Task<ReferenceNumber> AssignAsync(Guid requestId, string requestingState, RequestKind kind, int year, CancellationToken cancellationToken)
    {
        var key = new { state_iso3 = requestingState, kind = kind.ToCode(), year };
        // The first number of a year creates its counter; a concurrent creator waits, then finds it there.
        if (await session.ExecuteAsync(IncrementSql, key, cancellationToken) == 0)
        {
            await session.ExecuteAsync(CreateCounterSql(session.Dialect), new { key.state_iso3, key.kind, key.year, last_number = 0 }, cancellationToken);
            await session.ExecuteAsync(IncrementSql, key, cancellationToken);
        }

        var sequence = await session.ExecuteScalarAsync<int>(CurrentSql, key, cancellationToken);
        var number = new ReferenceNumber(requestingState, kind, year, sequence);
        await session.ExecuteAsync(AssignSql, new { id = requestId, number = number.ToString() }, cancellationToken);
        return number;
    }
}
