using System.Net.Sockets;
using MailKit.Net.Smtp;
using MimeKit;

namespace Mla.Api.Features.Notifications;

/// <summary>
/// Sends the notices that are due, at least once each and, short of a crash, exactly once: it claims a
/// batch (committed before anything is sent, so no transaction is held open over the network), sends it
/// over one SMTP connection, and marks each notice sent once the server accepted it, or to try again
/// later. A worker that dies after the server accepted a notice but before marking it leaves the claim to
/// run out; the notice is then sent again with the same Message-Id (<see cref="NoticeOutbox.MessageId"/>),
/// which mail systems recognise as the same message.
/// </summary>
public sealed partial class NoticeDispatcher(IServiceScopeFactory scopes, NoticeOptions options, ILogger<NoticeDispatcher> logger)
{
    /// <summary>Sends what is due through the configured server; answers how many notices were claimed.</summary>
    public Task<int> SendDueAsync(CancellationToken cancellationToken) => SendDueAsync(options.Smtp, cancellationToken);

    /// <summary>Sends what is due through <paramref name="smtp"/>; answers how many notices were claimed.</summary>
    public async Task<int> SendDueAsync(SmtpOptions smtp, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(smtp);
        if (!smtp.IsConfigured)
        {
            return 0;
        }

        var token = Guid.NewGuid();
        var claimed = await SendAsync(new ClaimDueNoticesCommand(token), cancellationToken);
        if (claimed.Count == 0)
        {
            return 0;
        }

        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, smtp.Security, cancellationToken);
            if (!string.IsNullOrEmpty(smtp.Username))
            {
                await client.AuthenticateAsync(smtp.Username, smtp.Password ?? "", cancellationToken);
            }
        }
#pragma warning disable CA1031 // Whatever stops the connection, every claimed notice is tried again later.
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
        {
            var failure = FailureKind(exception);
            LogServerUnavailable(logger, claimed.Count, failure);
            foreach (var notice in claimed)
            {
                await SendAsync(new RecordNoticeAttemptCommand(notice.Id, token, notice.Attempts, Sent: false, failure), cancellationToken);
            }

            return claimed.Count;
        }

        foreach (var notice in claimed)
        {
            string? failure = null;
            try
            {
                await client.SendAsync(Compose(notice, smtp), cancellationToken);
            }
#pragma warning disable CA1031 // One refused notice must not stop the others; it is tried again later.
            catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
#pragma warning restore CA1031
            {
                failure = FailureKind(exception);
                LogNoticeFailed(logger, notice.Id, notice.Attempts, failure);
            }

            await SendAsync(new RecordNoticeAttemptCommand(notice.Id, token, notice.Attempts, Sent: failure is null, failure), cancellationToken);
        }

        try
        {
            await client.DisconnectAsync(quit: true, cancellationToken);
        }
#pragma warning disable CA1031 // The notices are sent and marked: a failed QUIT changes nothing.
        catch (Exception exception) when (exception is not OperationCanceledException)
#pragma warning restore CA1031
        {
            var failure = FailureKind(exception);
            LogQuitFailed(logger, failure);
        }

        return claimed.Count;
    }

    private static MimeMessage Compose(ClaimedNotice notice, SmtpOptions smtp)
    {
        var message = new MimeMessage
        {
            MessageId = notice.MessageId,
            Date = notice.CreatedAt,
            Subject = notice.Subject,
            Body = new TextPart("plain") { Text = notice.Body },
        };
        message.From.Add(new MailboxAddress(smtp.FromName, smtp.From));
        message.To.Add(MailboxAddress.Parse(notice.Recipient));
        // RFC 3834: a message sent by a program, which mail systems should not answer automatically.
        message.Headers.Add("Auto-Submitted", "auto-generated");
        return message;
    }

    /// <summary>The kind of a failure, without the server's text or an address (they may hold personal data).</summary>
    private static string FailureKind(Exception exception) => exception switch
    {
        SmtpCommandException command => $"{nameof(SmtpCommandException)} {(int)command.StatusCode} ({command.ErrorCode})",
        SocketException socket => $"{nameof(SocketException)} ({socket.SocketErrorCode})",
        _ => exception.GetType().Name,
    };

    private async Task<TResponse> SendAsync<TResponse>(ICommand<TResponse> command, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command, cancellationToken);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "SMTP server unavailable ({Failure}): {Count} notice(s) will be tried again later")]
    private static partial void LogServerUnavailable(ILogger logger, int count, string failure);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Notice {NoticeId} not sent at attempt {Attempts} ({Failure}): it will be tried again later")]
    private static partial void LogNoticeFailed(ILogger logger, Guid noticeId, int attempts, string failure);

    [LoggerMessage(Level = LogLevel.Information, Message = "SMTP QUIT failed after sending ({Failure})")]
    private static partial void LogQuitFailed(ILogger logger, string failure);
}
