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
/// </summary>
public sealed class BackfillProgressHandler(IDbSession session, RequestStore store)
    : ICommandHandler<BackfillProgressCommand, BackfillBatch>
{
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
        var missing = await session.QueryAsync<Guid>(
            MissingSql(session.Dialect), new { after = command.After, offset = 0, limit = command.BatchSize }, cancellationToken);
        foreach (var id in missing)
        {
            await store.RecomputeDerivedRowsAsync(id, cancellationToken);
        }

        return new BackfillBatch(missing.Count, missing.Count == 0 ? command.After : missing[^1]);
    }
}
