using MailKit.Security;

namespace Mla.Api.Features.Notifications;

/// <summary>
/// The <c>Notifications</c> configuration section: where the links in notices point, the SMTP server
/// notices go through, and how the worker retries. Without <c>Notifications:Smtp:Host</c> nothing is
/// sent: notices wait in the outbox (<c>notice_outbox</c>) until a server is configured.
/// </summary>
public sealed class NoticeOptions
{
    public const string SectionName = "Notifications";

    /// <summary>The address users open Mla at; a notice links to <c>{BaseUrl}/requests/{id}</c>.</summary>
    public string BaseUrl { get; set; } = "http://localhost:5080";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>
    /// Whether this instance runs the worker that sends notices (when an SMTP server is configured). Several
    /// instances may run it against one PostgreSQL or SQL Server database: each notice is claimed by one.
    /// </summary>
    public bool SendInBackground { get; set; } = true;

    /// <summary>How often the worker looks for notices due (default 30 seconds).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Most notices one worker claims and sends over one SMTP connection (default 20).</summary>
    public int BatchSize { get; set; } = 20;

    /// <summary>
    /// How long a claim keeps other workers off a notice (default 5 minutes): longer than sending a batch
    /// takes, so that only a worker that died before marking its notices sent lets them go to another.
    /// </summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The wait after a first failed attempt (default 1 minute); it doubles at each failure.</summary>
    public TimeSpan FirstRetryDelay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait between two attempts (default 1 hour): a notice is tried until it is sent.</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromHours(1);

    /// <summary>The wait before attempt number <paramref name="attempts"/> + 1, after <paramref name="attempts"/> failed ones.</summary>
    public TimeSpan RetryDelay(int attempts)
    {
        var doublings = Math.Clamp(attempts - 1, 0, 20);
        var delay = FirstRetryDelay * Math.Pow(2, doublings);
        return delay < MaxRetryDelay ? delay : MaxRetryDelay;
    }

    /// <summary>
    /// The local time of day, in each State's time zone, from which that State's users get the digest of what
    /// became overdue (default 07:00). An instance that was down then writes it when it comes back, that day.
    /// </summary>
    public TimeSpan OverdueDigestAt { get; set; } = TimeSpan.FromHours(7);

    /// <summary>Most requests one digest lists (default 100); beyond, it links to the overdue list.</summary>
    public int OverdueDigestMaxLines { get; set; } = 100;

    /// <summary>The link a notice gives to a request.</summary>
    public string RequestLink(Guid requestId) => $"{BaseUrl.TrimEnd('/')}/requests/{requestId}";

    /// <summary>The link a digest gives to every overdue request of the reader's State.</summary>
    public string OverdueListLink => $"{BaseUrl.TrimEnd('/')}/requests?overdue=any";

    /// <summary>The domain of the notices' Message-Ids: the host users open Mla at.</summary>
    public string MessageIdDomain => Uri.TryCreate(BaseUrl, UriKind.Absolute, out var uri) ? uri.Host : "mla.invalid";
}

/// <summary>The SMTP server notices are sent through (<c>Notifications:Smtp</c>).</summary>
public sealed class SmtpOptions
{
    /// <summary>None: notices stay in the outbox.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary><c>StartTls</c>, <c>SslOnConnect</c>, <c>StartTlsWhenAvailable</c> (default) or <c>None</c>.</summary>
    public SecureSocketOptions Security { get; set; } = SecureSocketOptions.StartTlsWhenAvailable;

    public string? Username { get; set; }

    public string? Password { get; set; }

    /// <summary>The sender of notices.</summary>
    public string From { get; set; } = "mla@localhost";

    public string FromName { get; set; } = "Mla";

    /// <summary>How long one SMTP operation may take (default 30 seconds).</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Host);
}
