using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;
using Mla.Api.Features.Notifications;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Features.Requests;

namespace Mla.Api.Tests.Features.Notifications;

/// <summary>
/// The morning e-mail of what became overdue, moved along by the test clock and sent through MailKit to a
/// real SMTP server in the test process. Mali and Senegal are on UTC, Niger on UTC+1; the hour is 07:00.
/// </summary>
public sealed class OverdueDigestTests(DatabaseEngine engine) : RequestTest(engine)
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

    private OverdueDigests Digests => Services.GetRequiredService<OverdueDigests>();

    [Test]
    public async Task ReceiptDuePassesOvernight_NextMorningAtSevenInTheUsersZone_OneDigestWithTheReference_NoNameNorFacts()
    {
        await OptInAsync("sen.fp", "fp@justice.sn");
        var (_, transmitted) = await TransmittedMlaAsync();
        var transmittedOn = Today;

        var onTheDueDay = await DigestsAtAsync(UtcOn(transmittedOn.AddDays(30), 7, 1));
        var dayAfterBeforeSeven = await DigestsAtAsync(UtcOn(transmittedOn.AddDays(31), 6, 59));
        var dayAfterAtSeven = await DigestsAtAsync(UtcOn(transmittedOn.AddDays(31), 7, 1));

        var digest = dayAfterAtSeven.Single();
        var day = Iso(transmittedOn.AddDays(31));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(onTheDueDay, Is.Empty, "nothing is sent when nothing became overdue");
            Assert.That(dayAfterBeforeSeven, Is.Empty, "not before the hour");
            Assert.That(digest.To.Mailboxes.Single().Address, Is.EqualTo("fp@justice.sn"));
            Assert.That(digest.Subject, Is.EqualTo($"Mla : demandes en retard depuis le dernier récapitulatif ({day})"));
            Assert.That(digest.TextBody, Does.Contain($"- {transmitted.ReferenceNumber} : accusé de réception, attendu le {Iso(transmittedOn.AddDays(30))}"));
            Assert.That(digest.TextBody, Does.Contain($"http://localhost:5080/requests/{transmitted.Id}"));
            Assert.That(digest.MessageId, Does.StartWith($"digest.{day.Replace("-", "", StringComparison.Ordinal)}."));
            foreach (var secret in new[] { "Test Person One", "P1234567", "Transfers were made", "financing of an armed group", "Establish the flow" })
            {
                Assert.That(digest.Subject + digest.TextBody, Does.Not.Contain(secret));
            }
        }
    }

    [Test]
    public async Task TheHour_IsTheLocalHourOfEachUsersState()
    {
        await OptInAsync("ner.fp", "fp@justice.ne", language: "en");
        await OptInAsync("mli.fp", "fp@justice.ml", language: "pt");
        using var mali = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(mali, MlaDraft("NER"));
        var transmitted = await StepAsync(mali, draft, "transmit", new { occurredOn = TodayText, channel = "central-authority", language = "fr" });
        var receiptDue = Today.AddDays(30);
        var morning = Today.AddDays(31);

        // 06:01 UTC is 07:01 in Niamey and 06:01 in Bamako.
        var sevenInNiamey = await DigestsAtAsync(UtcOn(morning, 6, 1));
        var sevenInBamako = await DigestsAtAsync(UtcOn(morning, 7, 1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(sevenInNiamey.Select(message => message.To.Mailboxes.Single().Address), Is.EqualTo(new[] { "fp@justice.ne" }));
            Assert.That(sevenInNiamey.Single().Subject, Is.EqualTo($"Mla: requests overdue since the last digest ({Iso(morning)})"));
            Assert.That(sevenInNiamey.Single().TextBody, Does.Contain($"- {transmitted.ReferenceNumber}: acknowledgement of receipt, due on {Iso(receiptDue)}"));
            Assert.That(sevenInBamako.Select(message => message.To.Mailboxes.Single().Address), Is.EqualTo(new[] { "fp@justice.ml" }));
            Assert.That(sevenInBamako.Single().TextBody, Does.Contain($"- {transmitted.ReferenceNumber}: aviso de receção, previsto para {Iso(receiptDue)}"));
        }
    }

    [Test]
    public async Task TwoWorkersAtOnce_EachUserGetsOneDigest()
    {
        await OptInAsync("sen.fp", "fp@justice.sn");
        await OptInAsync("sen.ca", "ca@justice.sn");
        await TransmittedMlaAsync();
        await SendAllAsync();
        var morning = Today.AddDays(31);
        Factory.Clock.AdvanceTo(UtcOn(morning, 7, 1));

        var written = await Task.WhenAll(Digests.WriteDueAsync(CancellationToken.None), Digests.WriteDueAsync(CancellationToken.None));
        await SendAllAsync();

        var digests = DigestsReceived();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(written.Sum(), Is.EqualTo(2));
            Assert.That(digests.Select(message => message.To.Mailboxes.Single().Address), Is.EquivalentTo(new[] { "fp@justice.sn", "ca@justice.sn" }));
            Assert.That(await DigestRowsAsync(), Is.EqualTo(2));
        }
    }

    [Test]
    public async Task TheSameDayWrittenAgain_TheOutboxKeepsOneDigestPerUser()
    {
        await OptInAsync("sen.fp", "fp@justice.sn");
        await TransmittedMlaAsync();
        var morning = Today.AddDays(31);
        Factory.Clock.AdvanceTo(UtcOn(morning, 7, 1));
        var first = await SendAsync(new WriteOverdueDigestCommand("SEN", morning));

        // As if another instance had lost track of the day and of what it told: only the outbox's key is left.
        await using (var connection = await OpenConnectionAsync())
        {
            await connection.ExecuteAsync("DELETE FROM overdue_digests");
            await connection.ExecuteAsync("DELETE FROM overdue_digest_items");
        }

        var again = await SendAsync(new WriteOverdueDigestCommand("SEN", morning));
        await SendAllAsync();

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first, Is.EqualTo(1));
            Assert.That(again, Is.Zero);
            Assert.That(await DigestRowsAsync(), Is.EqualTo(1));
            Assert.That(DigestsReceived(), Has.Count.EqualTo(1));
        }
    }

    [Test]
    public async Task UserOfAThirdState_GetsNothingAboutIt()
    {
        await OptInAsync("ner.fp", "fp@justice.ne");
        await OptInAsync("sen.fp", "fp@justice.sn");
        await TransmittedMlaAsync();

        var digests = await DigestsAtAsync(UtcOn(Today.AddDays(31), 7, 1));

        Assert.That(digests.Select(message => message.To.Mailboxes.Single().Address), Is.EqualTo(new[] { "fp@justice.sn" }));
    }

    [Test]
    public async Task UserWhoDidNotOptIn_GetsNothing()
    {
        await OptInAsync("sen.fp", "fp@justice.sn");
        using (var senegal = await CreateClientAsAsync("sen.ca"))
        {
            var response = await senegal.PutAsJsonAsync("/api/me/notifications", new { email = false, emailAddress = "ca@justice.sn" });
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        await TransmittedMlaAsync();

        var digests = await DigestsAtAsync(UtcOn(Today.AddDays(31), 7, 1));

        Assert.That(digests.Select(message => message.To.Mailboxes.Single().Address), Is.EqualTo(new[] { "fp@justice.sn" }));
    }

    [Test]
    public async Task TheDayAfter_TheSameDeadlineIsNotListedAgain_ANewDeadlineOfTheSameRequestIs()
    {
        await OptInAsync("sen.fp", "fp@justice.sn");
        using var mali = await CreateClientAsAsync("mli.ca");
        var body = MlaDraft();
        body["urgency"] = "urgent";
        body["urgencyReason"] = "The suspect's detention ends soon.";
        body["timeLimit"] = Iso(Today.AddDays(5));
        var draft = await CreateDraftAsync(mali, body);
        var transmitted = await StepAsync(mali, draft, "transmit", new { occurredOn = TodayText, channel = "central-authority", language = "fr" });
        var transmittedOn = Today;

        var timeLimitPassed = await DigestsAtAsync(UtcOn(transmittedOn.AddDays(6), 7, 1));
        var dayAfter = await DigestsAtAsync(UtcOn(transmittedOn.AddDays(7), 7, 1));
        var receiptPassed = await DigestsAtAsync(UtcOn(transmittedOn.AddDays(31), 7, 1));

        using (Assert.EnterMultipleScope())
        {
            Assert.That(Lines(timeLimitPassed.Single()), Is.EqualTo(new[]
            {
                $"- {transmitted.ReferenceNumber} : délai de l'État requérant, attendu le {Iso(transmittedOn.AddDays(5))}",
            }));
            Assert.That(dayAfter, Is.Empty);
            Assert.That(Lines(receiptPassed.Single()), Is.EqualTo(new[]
            {
                $"- {transmitted.ReferenceNumber} : accusé de réception, attendu le {Iso(transmittedOn.AddDays(30))}",
            }));
        }
    }

    [Test]
    public async Task Worker_SmtpServerConfigured_WritesAndSendsTheDigestOnItsOwn()
    {
        await OptInAsync("sen.fp", "fp@justice.sn");
        var (_, transmitted) = await TransmittedMlaAsync();
        await SendAllAsync();
        Factory.Clock.AdvanceTo(UtcOn(Today.AddDays(31), 7, 1));
        // A checkpoint folder of its own: this host's checkpoint job would otherwise write, on the clock moved a
        // month ahead, the newest checkpoint of the shared folder, against which later tests verify.
        var checkpoints = System.IO.Directory.CreateTempSubdirectory("mla-digest-checkpoints-");
        await using var sending = Factory.WithWebHostBuilder(builder => builder
            .UseSetting("Audit:CheckpointFolder", checkpoints.FullName)
            .UseSetting("Notifications:Smtp:Host", "127.0.0.1")
            .UseSetting("Notifications:Smtp:Port", _smtp.Port.ToString(CultureInfo.InvariantCulture))
            .UseSetting("Notifications:Smtp:Security", "None")
            .UseSetting("Notifications:PollInterval", "00:00:00.100"));
        _ = sending.Server;

        // The worker runs on its own: wait (bounded) for the digest, then a few more rounds to see it is sent once.
        for (var waited = 0; waited < 300 && DigestsReceived().Count == 0; waited++)
        {
            await Task.Delay(100);
        }

        await Task.Delay(500);

        var digests = DigestsReceived();
        await sending.DisposeAsync();
        checkpoints.Delete(recursive: true);
        Assert.That(digests, Has.Count.EqualTo(1));
        Assert.That(digests.Single().TextBody, Does.Contain(transmitted.ReferenceNumber!));
    }

    /// <summary>Moves the clock to <paramref name="moment"/>, writes the digests due and sends them; answers the digests received then.</summary>
    private async Task<List<MimeMessage>> DigestsAtAsync(DateTimeOffset moment)
    {
        await SendAllAsync();
        var before = DigestsReceived().Count;
        Factory.Clock.AdvanceTo(moment);
        await Digests.WriteDueAsync(CancellationToken.None);
        await SendAllAsync();
        return [.. DigestsReceived().Skip(before)];
    }

    private async Task SendAllAsync()
    {
        while (await Dispatcher.SendDueAsync(_smtp.Options, CancellationToken.None) > 0)
        {
        }
    }

    private List<MimeMessage> DigestsReceived() =>
        [.. _smtp.Received.Where(message => message.MessageId?.StartsWith("digest.", StringComparison.Ordinal) == true)];

    private async Task<long> DigestRowsAsync()
    {
        await using var connection = await OpenConnectionAsync();
        return await connection.ExecuteScalarAsync<long>("SELECT COUNT(*) FROM notice_outbox WHERE digest_on IS NOT NULL");
    }

    private static string[] Lines(MimeMessage digest) =>
        [.. (digest.TextBody ?? "").Split('\n').Where(line => line.StartsWith("- ", StringComparison.Ordinal)).Select(line => line.TrimEnd('\r'))];

    private static DateTimeOffset UtcOn(DateOnly day, int hour, int minute) => new(day, new TimeOnly(hour, minute), TimeSpan.Zero);

    private static string Iso(DateOnly day) => day.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private async Task OptInAsync(string username, string address, string language = "fr")
    {
        using var client = await CreateClientAsAsync(username);
        var languageResponse = await client.PutAsJsonAsync("/api/me/language", new { language });
        var noticesResponse = await client.PutAsJsonAsync("/api/me/notifications", new { email = true, emailAddress = address });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(languageResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(noticesResponse.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }
    }
}
