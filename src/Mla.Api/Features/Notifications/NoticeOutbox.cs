using Mla.Domain.Timeline;

namespace Mla.Api.Features.Notifications;

/// <summary>
/// Writes the e-mail notices an event calls for into <c>notice_outbox</c>, in the event's transaction: when
/// a request reaches a State (transmitted to it, or registered by it) or changes status, one notice per
/// user of either State party to it who opted in, in that user's language. Drafts and events that leave
/// the status as it was (notes, annexes) call for none, and the user who acted is not told of their own act.
/// A notice holds the request's reference, kind, States and new status and a link: never facts or names.
/// </summary>
public sealed class NoticeOutbox(IDbSession session, NoticeOptions options)
{
    private const string RecipientsSql = $"""
        SELECT id AS {nameof(Recipient.UserId)}, email AS {nameof(Recipient.Email)}, language_code AS {nameof(Recipient.Language)}
        FROM users
        WHERE email_notices = @notices AND is_disabled = @disabled AND email IS NOT NULL
          AND state_iso3 IN (@requestingState, @requestedState) AND id <> @actor
        """;

    private const string InsertSql = """
        INSERT INTO notice_outbox (id, request_id, sequence_number, user_id, recipient, language_code, subject, body,
                                   message_id, created_at, attempts, next_attempt_at)
        VALUES (@Id, @RequestId, @SequenceNumber, @UserId, @Recipient, @Language, @Subject, @Body,
                @MessageId, @CreatedAt, 0, @CreatedAt)
        """;

    public async Task EnqueueAsync(TimelineEvent recorded, EventRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(recorded);
        ArgumentNullException.ThrowIfNull(request);
        if (recorded.ToStatus == RequestStatus.Draft || recorded.FromStatus == recorded.ToStatus)
        {
            return;
        }

        var recipients = await session.QueryAsync<Recipient>(RecipientsSql, new
        {
            notices = true,
            disabled = false,
            requestingState = request.RequestingState,
            requestedState = request.RequestedState,
            actor = recorded.ActorUserId,
        }, cancellationToken);
        foreach (var recipient in recipients)
        {
            var (subject, body) = Compose(NoticeWording.For(recipient.Language), request, recorded.ToStatus);
            await session.ExecuteAsync(InsertSql, new
            {
                Id = Guid.CreateVersion7(),
                recorded.RequestId,
                recorded.SequenceNumber,
                recipient.UserId,
                Recipient = recipient.Email,
                recipient.Language,
                Subject = subject,
                Body = body,
                MessageId = MessageId(recorded.RequestId, recorded.SequenceNumber, recipient.UserId),
                CreatedAt = recorded.RecordedAt,
            }, cancellationToken);
        }
    }

    /// <summary>
    /// One Message-Id per (event, user), whoever sends it and however often: a notice sent again after a
    /// crash between the server's acceptance and its mark is the same message to any mail system.
    /// </summary>
    public string MessageId(Guid requestId, int sequenceNumber, Guid userId) =>
        $"notice.{requestId:N}.{sequenceNumber}.{userId:N}@{options.MessageIdDomain}";

    private (string Subject, string Body) Compose(NoticeWording wording, EventRequest request, RequestStatus status)
    {
        var reference = request.ReferenceNumber ?? wording["noReference"];
        var statusText = wording[$"status.{status.ToCode()}"];
        var subject = wording.Format("subject", ("kind", wording[$"kind.{request.Kind}"]), ("reference", reference), ("status", statusText));
        var body = wording.Format(
            "body",
            ("kindLower", wording[$"kindLower.{request.Kind}"]),
            ("reference", reference),
            ("requestingState", request.RequestingState),
            ("requestedState", request.RequestedState),
            ("status", statusText),
            ("link", options.RequestLink(request.Id)));
        return (subject, body);
    }

    private sealed record Recipient
    {
        public Guid UserId { get; init; }

        public required string Email { get; init; }

        public required string Language { get; init; }
    }
}
