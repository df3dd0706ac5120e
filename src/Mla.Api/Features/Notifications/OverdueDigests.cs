namespace Mla.Api.Features.Notifications;

/// <summary>
/// Writes the morning digests that are due into the outbox (<see cref="FindDueDigestsQuery"/>, then
/// <see cref="WriteOverdueDigestCommand"/> per State, each in its own scope and transaction); the
/// <see cref="NoticeWorker"/> calls it before each round of sending, and sends them like any notice.
/// </summary>
public sealed class OverdueDigests(IServiceScopeFactory scopes)
{
    /// <summary>Writes every digest due now; answers how many e-mails were written.</summary>
    public async Task<int> WriteDueAsync(CancellationToken cancellationToken)
    {
        var written = 0;
        foreach (var due in await SendAsync(new FindDueDigestsQuery(), cancellationToken))
        {
            written += await SendAsync(new WriteOverdueDigestCommand(due.State, due.Day), cancellationToken);
        }

        return written;
    }

    private async Task<TResponse> SendAsync<TResponse>(IQuery<TResponse> query, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(query, cancellationToken);
    }

    private async Task<TResponse> SendAsync<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, cancellationToken);
    }
}
