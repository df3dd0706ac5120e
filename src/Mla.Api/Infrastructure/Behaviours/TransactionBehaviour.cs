namespace Mla.Api.Infrastructure.Behaviours;

/// <summary>
/// The one owner of transactions, for commands only: everything a command writes is committed together
/// or not at all. The transaction begins at the command's first write (<see cref="IDbSession.BeginWriteScope"/>),
/// so validation, reads and rendering hold no write lock. Queries run without a transaction.
/// </summary>
public sealed class TransactionBehaviour<TMessage, TResponse>(IDbSession session)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (session.InWriteScope || session.InTransaction)
        {
            // A command sent from inside another command joins the outer unit of work.
            return await next(message, cancellationToken);
        }

        session.BeginWriteScope();
        try
        {
            var response = await next(message, cancellationToken);
            await session.CommitAsync(cancellationToken);
            return response;
        }
        catch
        {
            await session.RollbackAsync(cancellationToken);
            throw;
        }
    }
}
