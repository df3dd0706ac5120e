using System.Text;
using Mla.Domain.Progress;

namespace Mla.Api.Features.Notifications;

/// <summary>
/// Writes a State's morning digest of <paramref name="Day"/> into the outbox: one e-mail per user of the State
/// who opted in, in the user's language, listing the requests the State may see whose deadline became
/// overdue since the State's previous digest (reference, deadline, due date, link; never facts or names).
/// Nothing is written for anyone when nothing became overdue. Written once per State and day, whichever
/// instance comes first; answers how many e-mails it wrote.
/// </summary>
public sealed record WriteOverdueDigestCommand(string State, DateOnly Day) : ICommand<int>;

public sealed class WriteOverdueDigestValidator : AbstractValidator<WriteOverdueDigestCommand>
{
    public WriteOverdueDigestValidator() => RuleFor(command => command.State).MustBeCountryCode();
}

/// <summary>
/// What "became overdue since the previous digest" means: a deadline overdue on the State's day whose due
/// date the State's digests have not told yet (<c>overdue_digest_items</c> keeps, per request and deadline,
/// the due date last told). So a deadline is told once; a request overdue by another deadline, or by the
/// same one with a new due date, is told again for it; a step recorded late (a transmission dated weeks
/// ago) is told at the next digest. A State's first digest tells only what became overdue overnight
/// (due the day before) and takes the rest as known, so turning notices on does not send the backlog.
/// </summary>
public sealed class WriteOverdueDigestHandler(IDbSession session, NoticeOptions options, TimeProvider time)
    : ICommandHandler<WriteOverdueDigestCommand, int>
{
    private const string EarlierDigestsSql = "SELECT COUNT(*) FROM overdue_digests WHERE state_iso3 = @state AND digest_on < @day";

    private const string RecipientsSql = $"""
        SELECT u.id AS {nameof(Recipient.UserId)}, u.email AS {nameof(Recipient.Email)}, u.language_code AS {nameof(Recipient.Language)}
        FROM users u
        WHERE u.state_iso3 = @state AND {FindDueDigestsHandler.RecipientCondition}
        ORDER BY u.id
        """;

    // Every deadline overdue on the State's day, on the requests the State may see: each side of the State
    // (RequestSide, together RequestAccess.VisibleCondition) and each kind read apart, so each reads its
    // State's range of its partial due-date index. With the visibility's OR, SQLite skip-scanned the
    // requested side's index over every State: the whole region's overdue deadlines for one State's digest.
    private static readonly string OverdueDeadlines = string.Join("\nUNION ALL\n",
        from side in new[] { RequestSide.Outgoing, RequestSide.Incoming }
        from kind in Enum.GetValues<DeadlineKind>()
        select $"""
            SELECT r.id AS request_id, r.reference_number, '{kind.ToCode()}' AS deadline_kind, r.{RequestStore.DueColumn(kind)} AS due_on
            FROM requests r
            WHERE {side.Condition} AND r.{RequestStore.DueColumn(kind)} < @day
            """);

    private static readonly string NewlyOverdueSql = $"""
        SELECT o.request_id AS {nameof(OverdueLine.RequestId)}, o.reference_number AS {nameof(OverdueLine.ReferenceNumber)},
               o.deadline_kind AS {nameof(OverdueLine.Kind)}, o.due_on AS {nameof(OverdueLine.DueOn)}
        FROM ({OverdueDeadlines}) o
        WHERE o.due_on >= @since
          AND NOT EXISTS (SELECT 1 FROM overdue_digest_items i
                          WHERE i.state_iso3 = @state AND i.request_id = o.request_id
                            AND i.deadline_kind = o.deadline_kind AND i.due_on = o.due_on)
        ORDER BY o.due_on, o.reference_number, o.request_id, o.deadline_kind
        """;

    // What the State was told of a deadline that since moved or stopped running is forgotten, so that its
    // new due date is told once it passes.
    private static readonly string ForgetMovedSql = $"""
        DELETE FROM overdue_digest_items
        WHERE state_iso3 = @state
          AND NOT EXISTS (SELECT 1 FROM requests r
                          WHERE r.id = overdue_digest_items.request_id
                            AND overdue_digest_items.due_on = CASE overdue_digest_items.deadline_kind
                                {string.Concat(Enum.GetValues<DeadlineKind>().Select(kind => $"WHEN '{kind.ToCode()}' THEN r.{RequestStore.DueColumn(kind)} "))}END)
        """;

    private static readonly string RememberSql = $"""
        INSERT INTO overdue_digest_items (state_iso3, request_id, deadline_kind, due_on)
        SELECT @state, o.request_id, o.deadline_kind, o.due_on
        FROM ({OverdueDeadlines}) o
        WHERE NOT EXISTS (SELECT 1 FROM overdue_digest_items i
                          WHERE i.state_iso3 = @state AND i.request_id = o.request_id AND i.deadline_kind = o.deadline_kind)
        """;

    // The State's claim on the day, then one e-mail per user and day: each insert does nothing when the
    // row is there or being written by another instance (which it waits for).
    private static string ClaimSql(ISqlDialect dialect) =>
        dialect.InsertIfAbsent("overdue_digests", ["state_iso3", "digest_on", "written_at"], ["state_iso3", "digest_on"]);

    private static string InsertNoticeSql(ISqlDialect dialect) => dialect.InsertIfAbsent(
        "notice_outbox",
        ["id", "digest_on", "user_id", "recipient", "language_code", "subject", "body", "message_id", "created_at", "attempts", "next_attempt_at"],
        ["user_id", "digest_on"]);

    public async ValueTask<int> Handle(WriteOverdueDigestCommand command, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var state = command.State;
        var firstDigest = await session.ExecuteScalarAsync<long>(EarlierDigestsSql, new { state, day = command.Day }, cancellationToken) == 0;
        if (await session.ExecuteAsync(ClaimSql(session.Dialect), new { state_iso3 = state, digest_on = command.Day, written_at = now }, cancellationToken) == 0)
        {
            return 0;
        }

        var parameters = new
        {
            state,
            draft = RequestStatus.Draft.ToCode(),
            day = command.Day,
            since = firstDigest ? command.Day.AddDays(-1) : DateOnly.MinValue,
        };
        var lines = await session.QueryAsync<OverdueLine>(NewlyOverdueSql, parameters, cancellationToken);
        await session.ExecuteAsync(ForgetMovedSql, new { state }, cancellationToken);
        await session.ExecuteAsync(RememberSql, parameters, cancellationToken);
        if (lines.Count == 0)
        {
            return 0;
        }

        var written = 0;
        foreach (var recipient in await session.QueryAsync<Recipient>(RecipientsSql, new { state, notices = true, disabled = false }, cancellationToken))
        {
            var (subject, body) = Compose(NoticeWording.For(recipient.Language), command.Day, lines);
            written += await session.ExecuteAsync(InsertNoticeSql(session.Dialect), new
            {
                id = Guid.CreateVersion7(),
                digest_on = command.Day,
                user_id = recipient.UserId,
                recipient = recipient.Email,
                language_code = recipient.Language,
                subject,
                body,
                message_id = MessageId(command.Day, recipient.UserId),
                created_at = now,
                attempts = 0,
                next_attempt_at = now,
            }, cancellationToken);
        }

        return written;
    }

    /// <summary>One Message-Id per (day, user), like a notice's per (event, user): a digest sent again is the same message.</summary>
    private string MessageId(DateOnly day, Guid userId) =>
        $"digest.{day.ToString("yyyyMMdd", CultureInfo.InvariantCulture)}.{userId:N}@{options.MessageIdDomain}";

    private (string Subject, string Body) Compose(NoticeWording wording, DateOnly day, IReadOnlyList<OverdueLine> lines)
    {
        var date = day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);
        var text = new StringBuilder();
        foreach (var line in lines.Take(options.OverdueDigestMaxLines))
        {
            text.Append(text.Length == 0 ? "" : "\n").Append(wording.Format(
                "digest.line",
                ("reference", line.ReferenceNumber ?? wording["noReference"]),
                ("deadline", wording[$"deadline.{line.Kind}"]),
                ("dueOn", line.DueOn.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)),
                ("link", options.RequestLink(line.RequestId))));
        }

        if (lines.Count > options.OverdueDigestMaxLines)
        {
            text.Append('\n').Append(wording.Format(
                "digest.more",
                ("count", (lines.Count - options.OverdueDigestMaxLines).ToString(CultureInfo.InvariantCulture)),
                ("link", options.OverdueListLink)));
        }

        return (wording.Format("digest.subject", ("date", date)), wording.Format("digest.body", ("date", date), ("lines", text.ToString())));
    }

    private sealed record OverdueLine
    {
        public Guid RequestId { get; init; }

        public string? ReferenceNumber { get; init; }

        public required string Kind { get; init; }

        public DateOnly DueOn { get; init; }
    }

    private sealed record Recipient
    {
        public Guid UserId { get; init; }

        public required string Email { get; init; }

        public required string Language { get; init; }
    }
}
