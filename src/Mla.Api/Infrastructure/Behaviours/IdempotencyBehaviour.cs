using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Mla.Api.Infrastructure.Hosting;

namespace Mla.Api.Infrastructure.Behaviours;

/// <summary>
/// Inside the command's unit of work (after <see cref="TransactionBehaviour{TMessage,TResponse}"/>), for
/// <see cref="IIdempotentCommand"/>s sent with a key: the first command with a key runs and its response
/// is stored in <c>idempotency_records</c>, in the same transaction as its effects; a later one with the
/// same key and user replays that response without acting (same body) or is refused with 422 (different
/// body). The key is claimed by the first statement of the command's transaction, so concurrent
/// duplicates serialise on its primary key: exactly one acts, the others wait for its commit and replay
/// what it stored. A command that fails stores nothing, so it may be retried.
/// </summary>
public sealed class IdempotencyBehaviour<TMessage, TResponse>(IDbSession session, ICurrentUser currentUser, TimeProvider time)
    : IPipelineBehavior<TMessage, TResponse>
    where TMessage : IIdempotentCommand
{
    private static readonly string MessageTypeName = typeof(TMessage).FullName ?? typeof(TMessage).Name;

    public async ValueTask<TResponse> Handle(TMessage message, MessageHandlerDelegate<TMessage, TResponse> next, CancellationToken cancellationToken)
    {
        var key = message.IdempotencyKey;
        // A command sent from inside another one belongs to the outer one's key.
        if (key is null || session.InTransaction || !currentUser.IsAuthenticated)
        {
            return await next(message, cancellationToken);
        }

        if (key.Length is 0 or > IdempotencyRecords.MaxKeyLength || key.Any(char.IsControl))
        {
            throw new InvalidInputException(new Dictionary<string, string[]>
            {
                [IdempotencyRecords.HeaderName] = [$"Use 1 to {IdempotencyRecords.MaxKeyLength} printable characters, e.g. a UUID."],
            });
        }

        var userId = currentUser.Id;
        var fingerprint = Fingerprint(message);
        var stored = await IdempotencyRecords.FindAsync(session, userId, key, cancellationToken);
        if (stored is not null)
        {
            return Replay(stored, fingerprint);
        }

        session.OnTransactionBegin(async ct =>
        {
            if (!await IdempotencyRecords.TryClaimAsync(session, userId, key, fingerprint, time.GetUtcNow(), ct))
            {
                throw new KeyClaimedException();
            }
        });
        try
        {
            var response = await next(message, cancellationToken);
            // Also the first write of a command that wrote nothing else, so the key is claimed either way.
            await IdempotencyRecords.CompleteAsync(session, userId, key, JsonSerializer.Serialize(response, MlaJson.Options), cancellationToken);
            return response;
        }
        catch (KeyClaimedException)
        {
            return await ReplayWinnerAsync(userId, key, fingerprint, cancellationToken);
        }
        catch (MlaException) when (!session.InTransaction)
        {
            // Refused before its first write, from what it read: a concurrent duplicate may have acted
            // meanwhile (the request's version moved on: 412). Claiming the key now waits for such a
            // duplicate's commit; if it holds the key, this command answers what it answered.
            try
            {
                await session.EnsureTransactionAsync(cancellationToken);
            }
            catch (KeyClaimedException)
            {
                return await ReplayWinnerAsync(userId, key, fingerprint, cancellationToken);
            }

            // Nobody else acted: the refusal stands, and the rollback releases the key.
            throw;
        }
    }

    // A concurrent duplicate claimed the key first; the claim waited for its commit, so its response is
    // there to read, and this command wrote nothing.
    private async Task<TResponse> ReplayWinnerAsync(Guid userId, string key, string fingerprint, CancellationToken cancellationToken)
    {
        var stored = await IdempotencyRecords.FindAsync(session, userId, key, cancellationToken)
            ?? throw new InvalidOperationException("An idempotency record claimed concurrently could not be read back.");
        return Replay(stored, fingerprint);
    }

    /// <summary>The key was claimed by a concurrent duplicate before this command's first write.</summary>
    private sealed class KeyClaimedException : Exception;

    private static TResponse Replay(IdempotencyRecord stored, string fingerprint)
    {
        if (!string.Equals(stored.RequestHash, fingerprint, StringComparison.Ordinal))
        {
            throw new UnprocessableException(
                $"This {IdempotencyRecords.HeaderName} was already used with a different request body or target; use a new key for a new request.");
        }

        return JsonSerializer.Deserialize<TResponse>(stored.ResponseBody ?? "null", MlaJson.Options)!;
    }

    // The message's type, target and body (its JSON, without the members taken from headers and route).
    private static string Fingerprint(TMessage message)
    {
        var text = $"{MessageTypeName}\n{message.IdempotencyScope}\n{JsonSerializer.Serialize(message, MlaJson.Options)}";
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text)));
    }
}

/// <summary>A stored response of an idempotent command.</summary>
public sealed record IdempotencyRecord
{
    public required string RequestHash { get; init; }

    public string? ResponseBody { get; init; }
}

/// <summary>Reads and writes <c>idempotency_records</c> (kept apart from the generic behaviour, whose statements could not be listed).</summary>
public static class IdempotencyRecords
{
    public const string HeaderName = "Idempotency-Key";

    public const int MaxKeyLength = 200;

    /// <summary>Status stored while the first command runs; nobody outside its transaction ever sees it.</summary>
    private const int Pending = 0;

    private const int Completed = 200;

    private const string FindSql = $"""
        SELECT request_hash AS {nameof(IdempotencyRecord.RequestHash)}, response_body AS {nameof(IdempotencyRecord.ResponseBody)}
        FROM idempotency_records
        WHERE user_id = @userId AND idempotency_key = @key
        """;

    private const string CompleteSql = """
        UPDATE idempotency_records SET status_code = @status, response_body = @body
        WHERE user_id = @userId AND idempotency_key = @key
        """;

    private static string ClaimSql(ISqlDialect dialect) => dialect.InsertIfAbsent(
        "idempotency_records",
        ["user_id", "idempotency_key", "request_hash", "status_code", "created_at"],
        ["user_id", "idempotency_key"]);

    public static Task<IdempotencyRecord?> FindAsync(IDbSession session, Guid userId, string key, CancellationToken cancellationToken) =>
        session.QuerySingleOrDefaultAsync<IdempotencyRecord>(FindSql, new { userId, key }, cancellationToken);

    /// <summary>True when this transaction now owns the key; false when another committed it first.</summary>
    public static async Task<bool> TryClaimAsync(IDbSession session, Guid userId, string key, string fingerprint, DateTimeOffset now, CancellationToken cancellationToken) =>
        await session.ExecuteAsync(
            ClaimSql(session.Dialect),
            new { user_id = userId, idempotency_key = key, request_hash = fingerprint, status_code = Pending, created_at = now },
            cancellationToken) == 1;

    public static Task CompleteAsync(IDbSession session, Guid userId, string key, string body, CancellationToken cancellationToken) =>
        session.ExecuteAsync(CompleteSql, new { userId, key, status = Completed, body }, cancellationToken);
}
