using Mediator;
using Mla.Api.Infrastructure.Data;

namespace Mla.Api.Infrastructure.Behaviours;

/// <summary>
/// Last before the handler, for commands only: everything a command writes is committed together or
/// not at all. Queries run without an explicit transaction.
/// </summary>
public sealed class TransactionBehaviour<TMessage, TResponse>(IDbSession session)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IBaseCommand
{
    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        if (session.InTransaction)
        {
            // A command sent from inside another command joins the outer transaction.
            return await next(message, cancellationToken);
        }

        await session.BeginTransactionAsync(cancellationToken);
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
