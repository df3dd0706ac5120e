namespace Mla.Api.Features.Notifications;

/// <summary>
/// Claims up to <see cref="NoticeOptions.BatchSize"/> notices that are due and unclaimed (or whose claim ran
/// out) for <see cref="NoticeOptions.ClaimDuration"/>, under <paramref name="ClaimToken"/>, and answers them.
/// The claim is its own short transaction, committed before anything is sent.
/// </summary>
public sealed record ClaimDueNoticesCommand(Guid ClaimToken) : ICommand<IReadOnlyList<ClaimedNotice>>;

/// <summary>A notice claimed by one worker, ready to send.</summary>
public sealed record ClaimedNotice
{
    public Guid Id { get; init; }

    public required string Recipient { get; init; }

    public required string Subject { get; init; }

    public required string Body { get; init; }

    public required string MessageId { get; init; }

    public DateTimeOffset CreatedAt { get; init; }

    /// <summary>Attempts so far, this one included.</summary>
    public int Attempts { get; init; }
}

public sealed class ClaimDueNoticesHandler(IDbSession session, NoticeOptions options, TimeProvider time)
    : ICommandHandler<ClaimDueNoticesCommand, IReadOnlyList<ClaimedNotice>>
{
    private const string Due = "sent_at IS NULL AND next_attempt_at <= @now AND (claimed_until IS NULL OR claimed_until < @now)";

    // The conditions stand in the UPDATE itself as well as in the choice of rows: on PostgreSQL a worker
    // that waited for another's claim re-reads the row as committed and re-checks them (READ COMMITTED),
    // so a row claimed meanwhile is skipped, never claimed twice. SQL Server's update locks serialise
    // the same way; SQLite has one writer at a time.
    private static string ClaimSql(ISqlDialect dialect) => $"""
        UPDATE notice_outbox
        SET claim_token = @token, claimed_until = @until, attempts = attempts + 1
        WHERE {Due}
          AND id IN (SELECT due.id FROM (SELECT o.id FROM notice_outbox o
                                          WHERE o.sent_at IS NULL AND o.next_attempt_at <= @now
                                            AND (o.claimed_until IS NULL OR o.claimed_until < @now)
                                          ORDER BY o.next_attempt_at, o.id
                                          {dialect.Paging()}) due)
        """;

    private const string ClaimedSql = $"""
        SELECT id AS {nameof(ClaimedNotice.Id)}, recipient AS {nameof(ClaimedNotice.Recipient)}, subject AS {nameof(ClaimedNotice.Subject)},
               body AS {nameof(ClaimedNotice.Body)}, message_id AS {nameof(ClaimedNotice.MessageId)},
               created_at AS {nameof(ClaimedNotice.CreatedAt)}, attempts AS {nameof(ClaimedNotice.Attempts)}
        FROM notice_outbox
        WHERE claim_token = @token
        ORDER BY next_attempt_at, id
        """;

    public async ValueTask<IReadOnlyList<ClaimedNotice>> Handle(ClaimDueNoticesCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var claimed = await session.ExecuteAsync(ClaimSql(session.Dialect), new
        {
            token = command.ClaimToken,
            until = now + options.ClaimDuration,
            now,
            offset = 0,
            limit = options.BatchSize,
        }, cancellationToken);
        return claimed == 0
            ? []
            : await session.QueryAsync<ClaimedNotice>(ClaimedSql, new { token = command.ClaimToken }, cancellationToken);
    }
}
