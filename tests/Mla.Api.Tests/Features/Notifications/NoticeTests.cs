using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Mla.Api.Features.Notifications;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Features.Requests;

namespace Mla.Api.Tests.Features.Notifications;

/// <summary>E-mail notices, sent through MailKit to a real SMTP server in the test process.</summary>
public sealed class NoticeTests(DatabaseEngine engine) : RequestTest(engine)
{
    private TestSmtpServer _smtp = null!;

    [SetUp]
    public async Task StartSmtpServer()
    {
        _smtp = new TestSmtpServer();
        await _smtp.StartAsync();
    }

    [TearDown]
    public async Task StopSmtpServer() => await _smtp.DisposeAsync();

    private NoticeDispatcher Dispatcher => Services.GetRequiredService<NoticeDispatcher>();

    [Test]
    public async Task Transmit_SenegaleseFocalPointOptedIn_ReceivesOneFrenchEmailWithLinkAndReference_NoNameNorFacts()
    {
        await OptInAsync("sen.fp", "fp@justice.sn");

        var (_, transmitted) = await TransmittedMlaAsync();
        await Dispatcher.SendDueAsync(_smtp.Options, CancellationToken.None);

        var message = _smtp.Received.Single();
        var text = message.TextBody;
        Assert.Multiple(() =>
        {
            Assert.That(message.To.Mailboxes.Single().Address, Is.EqualTo("fp@justice.sn"));
            Assert.That(message.Subject, Is.EqualTo($"Demande d'entraide judiciaire {transmitted.ReferenceNumber} : transmise"));
            Assert.That(text, Does.Contain($"La demande d'entraide judiciaire {transmitted.ReferenceNumber} (MLI → SEN) est désormais : transmise."));
            Assert.That(text, Does.Contain($"http://localhost:5080/requests/{transmitted.Id}"));
            Assert.That(message.MessageId, Does.StartWith($"notice.{transmitted.Id:N}."));
            // What the draft holds about the case never leaves Mla.
            foreach (var secret in new[] { "Test Person One", "P1234567", "Transfers were made", "financing of an armed group", "Establish the flow" })
            {
                Assert.That(message.Subject + text, Does.Not.Contain(secret));
            }
        });
    }

    [Test]
    public async Task Transmit_EnglishSpeakingUser_ReceivesEnglish()
    {
        await OptInAsync("sen.ca", "ca@justice.sn", language: "en");

        var (_, transmitted) = await TransmittedMlaAsync();
        await Dispatcher.SendDueAsync(_smtp.Options, CancellationToken.None);

        var message = _smtp.Received.Single();
        Assert.Multiple(() =>
        {
            Assert.That(message.Subject, Is.EqualTo($"Mutual legal assistance request {transmitted.ReferenceNumber}: transmitted"));
            Assert.That(message.TextBody, Does.Contain("is now: transmitted.").And.Contain($"/requests/{transmitted.Id}"));
        });
    }

    [Test]
    public async Task Transmit_PortugueseSpeakingUser_ReceivesPortuguese()
    {
        await OptInAsync("sen.pros", "pros@justice.sn", language: "pt");

        var (_, transmitted) = await TransmittedMlaAsync();
        await Dispatcher.SendDueAsync(_smtp.Options, CancellationToken.None);

        Assert.That(_smtp.Received.Single().Subject, Is.EqualTo($"Pedido de auxílio judiciário mútuo {transmitted.ReferenceNumber}: transmitido"));
    }

    [Test]
    public async Task Transmit_UserNotOptedIn_ThirdStateUserAndTheActor_ReceiveNothing()
    {
        await OptInAsync("sen.fp", "fp@justice.sn");
        await OptInAsync("ner.fp", "fp@justice.ne");
        await OptInAsync("mli.ca", "ca@justice.ml");
        using var senegalNotOptedIn = await CreateClientAsAsync("sen.ca");
        await senegalNotOptedIn.PutAsJsonAsync("/api/me/notifications", new { email = false, emailAddress = "ca@justice.sn" });

        await TransmittedMlaAsync();
        await Dispatcher.SendDueAsync(_smtp.Options, CancellationToken.None);

        Assert.That(_smtp.Received.SelectMany(message => message.To.Mailboxes).Select(mailbox => mailbox.Address), Is.EqualTo(new[] { "fp@justice.sn" }));
    }

    [Test]
    public async Task StatusChanges_EachTellsBothStates_NotesTellNoOne()
    {
        await OptInAsync("sen.fp", "fp@justice.sn");
        await OptInAsync("mli.fp", "fp@justice.ml");
        var (senegal, received) = await ReceivedMlaAsync();
        await StepAsync(senegal, received, "notes", new { note = "Called the bank" });

        await Dispatcher.SendDueAsync(_smtp.Options, CancellationToken.None);

        var subjects = _smtp.Received.Select(message => (message.To.Mailboxes.Single().Address, message.Subject)).ToList();
        Assert.That(subjects, Is.EquivalentTo(new[]
        {
            ("fp@justice.ml", $"Demande d'entraide judiciaire {received.ReferenceNumber} : transmise"),
            ("fp@justice.sn", $"Demande d'entraide judiciaire {received.ReferenceNumber} : transmise"),
            ("fp@justice.ml", $"Demande d'entraide judiciaire {received.ReferenceNumber} : reçue"),
            ("fp@justice.sn", $"Demande d'entraide judiciaire {received.ReferenceNumber} : reçue"),
        }));
    }

    [Test]
    public async Task RegisterIncoming_RequestReachesTheRegisteringState_ItsOtherUsersAreTold()
    {
        await OptInAsync("sen.fp", "fp@justice.sn");
        using var senegal = await CreateClientAsAsync("sen.ca");
        var body = MlaDraft();
        body.Remove("requestedState");
        body["requestingState"] = "MLI";
        body["occurredOn"] = TodayText;
        body["channel"] = "diplomatic";
        body["requestingStateReference"] = "MLI/PG/2026/12";
        body["requestedSideReference"] = "SEN/CA/IN/2026/3";
        var response = await senegal.PostAsJsonAsync("/api/requests/incoming", body, Json);
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var registered = await ReadRequestAsync(response);

        await Dispatcher.SendDueAsync(_smtp.Options, CancellationToken.None);

        Assert.That(_smtp.Received.Single().Subject, Is.EqualTo($"Demande d'entraide judiciaire {registered.ReferenceNumber} : reçue"));
    }

    [Test]
    public async Task SmtpServerDown_ThenBack_NoticeSentExactlyOnce()
    {
        await OptInAsync("sen.fp", "fp@justice.sn");
        await _smtp.StopAsync();
        await TransmittedMlaAsync();

        await Dispatcher.SendDueAsync(_smtp.Options, CancellationToken.None);
        var afterFailure = await OutboxAsync();

        await _smtp.StartAsync();
        await Dispatcher.SendDueAsync(_smtp.Options, CancellationToken.None);
        var receivedBeforeItWasDue = _smtp.Received.Count;
        Factory.Clock.Advance(TimeSpan.FromMinutes(2));
        await Dispatcher.SendDueAsync(_smtp.Options, CancellationToken.None);
        Factory.Clock.Advance(TimeSpan.FromHours(2));
        await Dispatcher.SendDueAsync(_smtp.Options, CancellationToken.None);

        var afterwards = await OutboxAsync();
        Assert.Multiple(() =>
        {
            Assert.That(afterFailure.Single().SentAt, Is.Null, "kept while the server was down");
            Assert.That(afterFailure.Single().Attempts, Is.EqualTo(1));
            Assert.That(afterFailure.Single().LastError, Does.Contain("Socket").And.Not.Contain("@"));
            Assert.That(receivedBeforeItWasDue, Is.Zero, "tried again only after the back-off");
            Assert.That(_smtp.Received, Has.Count.EqualTo(1));
            Assert.That(afterwards.Single().SentAt, Is.Not.Null);
            Assert.That(afterwards.Single().Attempts, Is.EqualTo(2));
        });
    }

    [Test]
    public async Task TwoWorkersAtOnce_NeverSendTheSameNoticeTwice_NorLoseOne()
    {
        string[] users = ["sen.fp", "sen.fp2", "sen.fp3", "sen.pros", "sen.pros2"];
        foreach (var user in users)
        {
            await OptInAsync(user, $"{user}@justice.sn");
        }

        for (var i = 0; i < 5; i++)
        {
            await TransmittedMlaAsync();
        }

        await Task.WhenAll(SendUntilNoneDueAsync(), SendUntilNoneDueAsync());

        var messageIds = _smtp.Received.Select(message => message.MessageId).ToList();
        var outbox = await OutboxAsync();
        Assert.Multiple(() =>
        {
            Assert.That(outbox, Has.Count.EqualTo(25));
            Assert.That(messageIds, Has.Count.EqualTo(25));
            Assert.That(messageIds, Is.Unique);
            Assert.That(outbox.Select(notice => notice.MessageId), Is.EquivalentTo(messageIds));
            Assert.That(outbox.Select(notice => notice.Attempts), Is.All.EqualTo(1));
        });
    }

    [Test]
    public async Task Worker_SmtpServerConfigured_SendsWhatIsDueOnItsOwn()
    {
        await OptInAsync("sen.fp", "fp@justice.sn");
        await using var sending = Factory.WithWebHostBuilder(builder => builder
            .UseSetting("Notifications:Smtp:Host", "127.0.0.1")
            .UseSetting("Notifications:Smtp:Port", _smtp.Port.ToString(CultureInfo.InvariantCulture))
            .UseSetting("Notifications:Smtp:Security", "None")
            .UseSetting("Notifications:PollInterval", "00:00:00.100"));
        _ = sending.Server;

        await TransmittedMlaAsync();
        // The worker runs on its own: wait (bounded) for what it sends, then check it sent it once.
        for (var waited = 0; waited < 300 && (await OutboxAsync()).Any(notice => notice.SentAt is null); waited++)
        {
            await Task.Delay(100);
        }

        Assert.Multiple(async () =>
        {
            Assert.That(_smtp.Received, Has.Count.EqualTo(1));
            Assert.That((await OutboxAsync()).Single().SentAt, Is.Not.Null);
        });
    }

    [Test]
    public async Task NoSmtpServerConfigured_NoticesStayInTheOutbox()
    {
        await OptInAsync("sen.fp", "fp@justice.sn");

        await TransmittedMlaAsync();
        // The service under test has no Notifications:Smtp:Host: its worker sends nothing.
        var sent = await Dispatcher.SendDueAsync(CancellationToken.None);

        var outbox = await OutboxAsync();
        Assert.Multiple(() =>
        {
            Assert.That(sent, Is.Zero);
            Assert.That(outbox.Single().SentAt, Is.Null);
            Assert.That(outbox.Single().Attempts, Is.Zero);
            Assert.That(_smtp.Received, Is.Empty);
        });
    }

    [Test]
    public async Task StepRolledBack_WritesNoNotice()
    {
        await OptInAsync("sen.fp", "fp@justice.sn");
        var (mali, transmitted) = await TransmittedMlaAsync();
        using var senegal = await CreateClientAsAsync("sen.ca");

        // A stale If-Match: the step fails after it began, so nothing of it may remain.
        var response = await PostStepAsync(senegal, transmitted.Id, "receipt", new { occurredOn = TodayText, requestedSideReference = "X" }, transmitted.Version - 1);

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
            Assert.That(await OutboxAsync(), Has.Count.EqualTo(1), "the transmission's notice only");
        });
        mali.Dispose();
    }

    private async Task SendUntilNoneDueAsync()
    {
        while (await Dispatcher.SendDueAsync(_smtp.Options, CancellationToken.None) > 0)
        {
        }
    }

    private async Task OptInAsync(string username, string address, string language = "fr")
    {
        using var client = await CreateClientAsAsync(username);
        var languageResponse = await client.PutAsJsonAsync("/api/me/language", new { language });
        var noticesResponse = await client.PutAsJsonAsync("/api/me/notifications", new { email = true, emailAddress = address });
        Assert.Multiple(() =>
        {
            Assert.That(languageResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(noticesResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        });
    }

    private async Task<List<OutboxRow>> OutboxAsync()
    {
        await using var connection = await OpenConnectionAsync();
        return [.. await connection.QueryAsync<OutboxRow>(
            "SELECT message_id AS MessageId, attempts AS Attempts, sent_at AS SentAt, last_error AS LastError FROM notice_outbox")];
    }

    private sealed record OutboxRow
    {
        public required string MessageId { get; init; }

        public int Attempts { get; init; }

        public DateTimeOffset? SentAt { get; init; }

        public string? LastError { get; init; }
    }
}
