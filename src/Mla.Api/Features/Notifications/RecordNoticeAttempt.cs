namespace Mla.Api.Features.Notifications;

/// <summary>
/// What became of one claimed notice: sent (the SMTP server accepted it), or to try again later, after a
/// wait that doubles at each failure. Only the claim's holder may record it: a worker whose claim ran out
/// and was taken over changes nothing.
/// </summary>
/// <param name="NoticeId">The notice.</param>
/// <param name="ClaimToken">The claim it was sent under.</param>
/// <param name="Attempts">Attempts so far, this one included: the wait before the next doubles with each.</param>
/// <param name="Sent">True once the SMTP server accepted it.</param>
/// <param name="Error">For a failure, the kind of failure (no address, no server text: they may hold personal data).</param>
public sealed record RecordNoticeAttemptCommand(Guid NoticeId, Guid ClaimToken, int Attempts, bool Sent, string? Error) : ICommand<bool>;

public sealed class RecordNoticeAttemptHandler(IDbSession session, NoticeOptions options, TimeProvider time)
    : ICommandHandler<RecordNoticeAttemptCommand, bool>
{
    private const string SentSql = """
        UPDATE notice_outbox SET sent_at = @now, claim_token = NULL, claimed_until = NULL, last_error = NULL
        WHERE id = @id AND claim_token = @token AND sent_at IS NULL
        """;

    private const string PostponedSql = """
        UPDATE notice_outbox SET next_attempt_at = @next, claim_token = NULL, claimed_until = NULL, last_error = @error
        WHERE id = @id AND claim_token = @token AND sent_at IS NULL
        """;

    public async ValueTask<bool> Handle(RecordNoticeAttemptCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var changed = command.Sent
            ? await session.ExecuteAsync(SentSql, new { id = command.NoticeId, token = command.ClaimToken, now }, cancellationToken)
            : await session.ExecuteAsync(PostponedSql, new
            {
                id = command.NoticeId,
                token = command.ClaimToken,
                next = now + options.RetryDelay(command.Attempts),
                error = command.Error is { Length: > 500 } error ? error[..500] : command.Error,
            }, cancellationToken);
        return changed == 1;
    }
}
