namespace Mla.Api.Features.Requests;

/// <summary>
/// Gives reference numbers, gap-free per State, register, kind and year: a State's outgoing register
/// numbers what it transmits, its incoming register what it registers on receipt, so no State ever takes
/// a number from another's register. A number is given when a request leaves its draft (transmission),
/// or when a request received outside Mla is registered, never at creation: drafts are discarded often,
/// and a discarded draft must not leave a hole in the sequence.
/// The counter row is incremented inside the command's transaction, so a rolled-back transaction gives
/// its number back; concurrent transactions of one State queue on that row, which is why a command
/// takes it as late as it can (<see cref="PeekAsync"/> then <see cref="TryTakeAsync"/>).
/// </summary>
public sealed class ReferenceNumbers(IDbSession session, CounterTurns turns)
{
    private const string IncrementSql = """
        UPDATE reference_counters SET last_number = last_number + 1
        WHERE state_iso3 = @state_iso3 AND register = @register AND kind = @kind AND year = @year
        """;

    // Takes exactly @number, if it is still the next one.
    private const string TakeSql = """
        UPDATE reference_counters SET last_number = @number
        WHERE state_iso3 = @state_iso3 AND register = @register AND kind = @kind AND year = @year AND last_number = @number - 1
        """;

    private const string CurrentSql = """
        SELECT last_number FROM reference_counters
        WHERE state_iso3 = @state_iso3 AND register = @register AND kind = @kind AND year = @year
        """;

    private static string CreateCounterSql(ISqlDialect dialect) => dialect.InsertIfAbsent(
        "reference_counters", ["state_iso3", "register", "kind", "year", "last_number"], ["state_iso3", "register", "kind", "year"]);

    /// <summary>
    /// The number the next request would take, read without any database lock. Within a command (a write
    /// scope), the command first waits for its turn on that counter in this process, and keeps it until
    /// its commit or rollback: commands of one State then render their documents one after the other
    /// with a number that stays theirs, instead of all rendering with the same number and all but one
    /// rendering again while holding the counter. Another instance sharing the database may still take
    /// the number first: <see cref="TryTakeAsync"/> then says so.
    /// </summary>
    public async Task<ReferenceNumber> PeekAsync(string state, ReferenceRegister register, RequestKind kind, int year, CancellationToken cancellationToken)
    {
        if (session.InWriteScope && !session.InTransaction)
        {
            var turn = await turns.WaitAsync($"{state}/{register.ToCode()}/{kind.ToCode()}/{year}", cancellationToken);
            session.OnWriteScopeEnd(turn.Dispose);
        }

        var current = await session.QuerySingleOrDefaultAsync<int?>(CurrentSql, Key(state, register, kind, year), cancellationToken);
        return new ReferenceNumber(state, kind, year, (current ?? 0) + 1, register);
    }

    /// <summary>Takes <paramref name="number"/> if it is still the next one; false when another request took it first.</summary>
    public async Task<bool> TryTakeAsync(ReferenceNumber number, CancellationToken cancellationToken)
    {
        await EnsureCounterAsync(number.State, number.Register, number.Kind, number.Year, cancellationToken);
        var parameters = Key(number.State, number.Register, number.Kind, number.Year);
        parameters["number"] = number.Sequence;
        return await session.ExecuteAsync(TakeSql, parameters, cancellationToken) == 1;
    }

    /// <summary>Takes the next number, whatever it is; the counter's row is held until the transaction ends.</summary>
    public async Task<ReferenceNumber> NextAsync(string state, ReferenceRegister register, RequestKind kind, int year, CancellationToken cancellationToken)
    {
        await EnsureCounterAsync(state, register, kind, year, cancellationToken);
        var key = Key(state, register, kind, year);
        await session.ExecuteAsync(IncrementSql, key, cancellationToken);
        var sequence = await session.ExecuteScalarAsync<int>(CurrentSql, key, cancellationToken);
        return new ReferenceNumber(state, kind, year, sequence, register);
    }

    // The first number of a year creates its counter; a concurrent creator waits, then finds it there.
    private Task<int> EnsureCounterAsync(string state, ReferenceRegister register, RequestKind kind, int year, CancellationToken cancellationToken) =>
        session.ExecuteAsync(CreateCounterSql(session.Dialect),
            new Dictionary<string, object?>(Key(state, register, kind, year)) { ["last_number"] = 0 }, cancellationToken);

    private static Dictionary<string, object?> Key(string state, ReferenceRegister register, RequestKind kind, int year) =>
        new() { ["state_iso3"] = state, ["register"] = register.ToCode(), ["kind"] = kind.ToCode(), ["year"] = year };
}

/// <summary>
/// In-process turns on reference counters (see <see cref="ReferenceNumbers.PeekAsync"/>), one per State,
/// register, kind and year, served in arrival order. A turn is only ever awaited before its command's
/// transaction begins, never while holding a database lock (nor SQLite's in-process writers' turn), so
/// turns and database locks cannot wait on each other.
/// </summary>
public sealed class CounterTurns
{
    private readonly KeyedTurns _turns = new();

    /// <summary>Waits for the counter's turn; disposing the answer gives it back (once).</summary>
    public Task<IDisposable> WaitAsync(string counter, CancellationToken cancellationToken) => _turns.WaitAsync(counter, cancellationToken);
}
