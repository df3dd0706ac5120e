namespace Mla.Api.Features.Progress;

/// <summary>
/// Gives requests written before migration 0008 (a database upgraded from an older version) the rows a step
/// derives from them, so search, overdue lists and related requests find them: batch after batch
/// (<see cref="BackfillProgressCommand"/>), each its own transaction, until none is left.
/// </summary>
public sealed class ProgressBackfill(IServiceScopeFactory scopes)
{
    public const int BatchSize = 200;

    /// <summary>Backfills every request that needs it; answers how many did.</summary>
    public Task<int> RunAsync(CancellationToken cancellationToken) => RunAsync(BatchSize, cancellationToken);

    /// <summary>Backfills every request that needs it, <paramref name="batchSize"/> per transaction; answers how many did.</summary>
    public async Task<int> RunAsync(int batchSize, CancellationToken cancellationToken)
    {
        var done = 0;
        var after = Guid.Empty;
        while (true)
        {
            await using var scope = scopes.CreateAsyncScope();
            var batch = await scope.ServiceProvider.GetRequiredService<ISender>().Send(new BackfillProgressCommand(after, batchSize), cancellationToken);
            done += batch.Examined;
            if (batch.Examined < batchSize)
            {
                return done;
            }

            after = batch.Last;
        }
    }
}
