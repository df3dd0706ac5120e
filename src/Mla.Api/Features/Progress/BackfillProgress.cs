namespace Mla.Api.Features.Progress;

/// <summary>
/// Writes the derived progress rows (due dates, search terms, person keys) of up to <paramref name="BatchSize"/>
/// requests that lack them, after <paramref name="After"/> in id order, with the rules a step uses
/// (<see cref="RequestStore.RecomputeDerivedRowsAsync"/>). One batch, one transaction.
/// </summary>
/// <param name="After">The last request of the previous batch (<see cref="Guid.Empty"/> to start).</param>
/// <param name="BatchSize">Most requests done in this batch's transaction.</param>
public sealed record BackfillProgressCommand(Guid After, int BatchSize) : ICommand<BackfillBatch>;

/// <param name="Examined">Requests of the batch that lacked their rows; fewer than the batch size at the end.</param>
/// <param name="Last">The last of them, where the next batch starts.</param>
public sealed record BackfillBatch(int Examined, Guid Last);

/// <summary>
/// A request lacks its derived rows when it has no search term although it holds words to search: a
/// reference number (every request past its draft), a subject or a person. Requests written since
/// migration 0008 always have them (every step writes them), so only requests of an older version are
/// found, and a request done is never found again: running it twice, or on several instances at once,
/// does each request once and changes nothing more (two instances that pick the same request write it
/// one after the other, with the same values).
/// A pass begun at <see cref="Guid.Empty"/> that reaches its end (a batch shorter than its size) has seen
/// every request: it records itself in <c>completed_maintenance</c>, and a later pass answers at once from
/// that row instead of reading every request again (migration 0014).
/// </summary>
public sealed class BackfillProgressHandler(IDbSession session, RequestStore store, TimeProvider time)
    : ICommandHandler<BackfillProgressCommand, BackfillBatch>
{
    public const string MaintenanceTask = "progress-backfill";

    private const string CompletedSql = "SELECT COUNT(*) FROM completed_maintenance WHERE task = @task";

    // Two instances ending their passes together: the second insert finds the row and does nothing.
    private static string CompleteSql(ISqlDialect dialect) =>
        dialect.InsertIfAbsent("completed_maintenance", ["task", "completed_at"], ["task"]);

    private static string MissingSql(ISqlDialect dialect) => $"""
        SELECT r.id FROM requests r
        WHERE r.id > @after AND r.discarded_at IS NULL
          AND NOT EXISTS (SELECT 1 FROM request_search_terms t WHERE t.request_id = r.id)
          AND (r.reference_number IS NOT NULL OR r.subject IS NOT NULL
               OR EXISTS (SELECT 1 FROM request_persons p WHERE p.request_id = r.id))
        ORDER BY r.id
        {dialect.Paging()}
        """;

    public async ValueTask<BackfillBatch> Handle(BackfillProgressCommand command, CancellationToken cancellationToken)
    {
        if (command.After == Guid.Empty
            && await session.ExecuteScalarAsync<long>(CompletedSql, new { task = MaintenanceTask }, cancellationToken) > 0)
        {
            return new BackfillBatch(0, Guid.Empty);
        }

        var missing = await session.QueryAsync<Guid>(
            MissingSql(session.Dialect), new { after = command.After, offset = 0, limit = command.BatchSize }, cancellationToken);
        foreach (var id in missing)
        {
            await store.RecomputeDerivedRowsAsync(id, cancellationToken);
        }

        if (missing.Count < command.BatchSize)
        {
            await session.ExecuteAsync(CompleteSql(session.Dialect), new { task = MaintenanceTask, completed_at = time.GetUtcNow() }, cancellationToken);
        }

        return new BackfillBatch(missing.Count, missing.Count == 0 ? command.After : missing[^1]);
    }
}
