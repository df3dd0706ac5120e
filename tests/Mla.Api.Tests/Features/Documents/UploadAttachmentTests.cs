using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.Extensions.DependencyInjection;
using Mla.Api.Features.Documents;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Features.Requests;
using static Mla.Api.Tests.Features.Documents.DocumentTestFiles;

namespace Mla.Api.Tests.Features.Documents;

public sealed class UploadAttachmentTests(DatabaseEngine engine) : RequestTest(engine)
{
    private static IEnumerable<TestCaseData> AcceptedFiles()
    {
        yield return new TestCaseData("statement.pdf", Pdf(), "application/pdf").SetName("{m}(pdf)");
        yield return new TestCaseData("photo.png", Png(), "image/png").SetName("{m}(png)");
        yield return new TestCaseData("photo.jpg", Jpeg(), "image/jpeg").SetName("{m}(jpeg)");
        yield return new TestCaseData("hearing.docx", Docx(), "application/vnd.openxmlformats-officedocument.wordprocessingml.document").SetName("{m}(docx)");
    }

    [TestCaseSource(nameof(AcceptedFiles))]
    public async Task Upload_AcceptedKind_IsStoredWithItsHashAndServedBack(string fileName, byte[] content, string contentType)
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(mali);

        var response = await GetRequestDocumentTests.UploadAsync(mali, draft.Id, fileName, content, "An annex", isTranslation: false);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var attachment = await response.Content.ReadFromJsonAsync<AttachmentDto>();
        Assert.That(attachment!.ContentType, Is.EqualTo(contentType));
        Assert.That(attachment.Sha256, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(content))));
        var listed = await mali.GetFromJsonAsync<List<AttachmentDto>>($"/api/requests/{draft.Id}/attachments");
        Assert.That(listed!.Select(item => item.FileName), Is.EqualTo(new[] { fileName }));
        var download = await mali.GetAsync(response.Headers.Location);
        Assert.That(download.Content.Headers.ContentType?.MediaType, Is.EqualTo(contentType));
        Assert.That(await download.Content.ReadAsByteArrayAsync(), Is.EqualTo(content));
    }

    private static IEnumerable<TestCaseData> RefusedFiles()
    {
        yield return new TestCaseData("notes.pdf", "Just some text pretending to be a PDF"u8.ToArray()).SetName("{m}(text named .pdf)");
        yield return new TestCaseData("script.png", "<script>alert(1)</script>"u8.ToArray()).SetName("{m}(html named .png)");
        yield return new TestCaseData("book.docx", OtherZip()).SetName("{m}(zip that is not a Word document)");
    }

    [TestCaseSource(nameof(RefusedFiles))]
    public async Task Upload_ContentOfAnotherKind_Answers415AndStoresNothing(string fileName, byte[] content)
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(mali);

        var response = await GetRequestDocumentTests.UploadAsync(mali, draft.Id, fileName, content, null, isTranslation: false);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnsupportedMediaType));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await CountAsync("request_attachments"), Is.Zero);
    }

    [Test]
    public async Task Upload_LargerThanTheLimit_Answers413AndStoresNothing()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(mali);
        var limit = Services.GetRequiredService<DocumentOptions>().MaxAttachmentBytes;
        var content = new byte[limit + 1];
        Pdf().CopyTo(content, 0);

        var response = await GetRequestDocumentTests.UploadAsync(mali, draft.Id, "huge.pdf", content, null, isTranslation: false);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        Assert.That(await CountAsync("request_attachments"), Is.Zero);
    }

    [Test]
    public async Task Upload_Prosecutor_Answers403()
    {
        var (mali, transmitted) = await TransmittedMlaAsync();
        using var prosecutor = await CreateClientAsAsync("mli.pros");

        var response = await GetRequestDocumentTests.UploadAsync(prosecutor, transmitted.Id, "a.pdf", Pdf(), null, isTranslation: false);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        mali.Dispose();
    }

    [Test]
    public async Task Attachments_ThirdState_Answers404ForListAndDownload()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(mali);
        var upload = await GetRequestDocumentTests.UploadAsync(mali, draft.Id, "a.pdf", Pdf(), null, isTranslation: false);
        using var niger = await CreateClientAsAsync("ner.ca");

        Assert.That((await niger.GetAsync($"/api/requests/{draft.Id}/attachments")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That((await niger.GetAsync(upload.Headers.Location)).StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task Transmit_LanguageTheRequestedStateDoesNotAccept_NeedsATranslationAnnex()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(mali, MlaDraft("GHA"));

        var refused = await PostStepAsync(mali, draft.Id, "transmit", new { occurredOn = TodayText, channel = "central-authority", language = "fr" }, draft.Version);
        var upload = await GetRequestDocumentTests.UploadAsync(mali, draft.Id, "request-en.pdf", Pdf("English translation"), "English translation", isTranslation: true);
        var accepted = await PostStepAsync(mali, draft.Id, "transmit", new { occurredOn = TodayText, channel = "central-authority", language = "fr" }, VersionOf(upload));

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("language"));
        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.OK), await accepted.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Upload_SameIdempotencyKeyTwice_StoresOneAnnexAndReplaysTheFirstAnswer()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(mali);

        var first = await UploadWithKeyAsync(mali, draft, Pdf("one"), "key-1");
        var second = await UploadWithKeyAsync(mali, draft, Pdf("one"), "key-1");
        var otherContent = await UploadWithKeyAsync(mali, draft, Pdf("two"), "key-1");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Created));
            Assert.That(second.Headers.Location, Is.EqualTo(first.Headers.Location));
            Assert.That(ETagOf(second), Is.EqualTo(ETagOf(first)).And.EqualTo("\"2\""), "the replay answers the request's version after the first upload");
            Assert.That(otherContent.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
            Assert.That(await CountAsync("request_attachments"), Is.EqualTo(1));
        }
    }

    [Test]
    public async Task Upload_WithoutIfMatch_Answers428AndStoresNothing()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(mali);

        var response = await GetRequestDocumentTests.UploadAsync(mali, draft.Id, "a.pdf", Pdf(), null, isTranslation: false, ifMatch: null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionRequired));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await CountAsync("request_attachments"), Is.Zero);
        Assert.That((await GetRequestAsync(mali, draft.Id)).Version, Is.EqualTo(draft.Version));
    }

    [Test]
    public async Task Upload_StaleIfMatch_Answers412AndStoresNothing()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(mali);
        await GetRequestDocumentTests.UploadAsync(mali, draft.Id, "first.pdf", Pdf("first"), null, isTranslation: false, ETagOf(draft.Version));

        var stale = await GetRequestDocumentTests.UploadAsync(mali, draft.Id, "second.pdf", Pdf("second"), null, isTranslation: false, ETagOf(draft.Version));

        Assert.That(stale.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed));
        Assert.That(stale.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        Assert.That(await CountAsync("request_attachments"), Is.EqualTo(1));
    }

    [Test]
    public async Task Upload_WithdrawnRequest_Answers409WithTheAllowedActions()
    {
        var (mali, transmitted) = await TransmittedMlaAsync();
        var withdrawn = await StepAsync(mali, transmitted, "withdrawal", new { occurredOn = TodayText, reason = "No longer needed" });

        var response = await GetRequestDocumentTests.UploadAsync(mali, withdrawn.Id, "late.pdf", Pdf(), null, isTranslation: false, ETagOf(withdrawn.Version));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("allowedActions").EnumerateArray().Select(action => action.GetString()), Is.EqualTo(new[] { "add-note" }));
        Assert.That(await CountAsync("request_attachments"), Is.Zero);
        mali.Dispose();
    }

    [Test]
    public async Task Upload_ByTheRequestedSide_AnswersTheNewETagAndAddsAnAddAnnexEventWithTheAnnexSha256()
    {
        var (senegal, received) = await ReceivedMlaAsync();
        var content = Pdf("Procès-verbal d'audition");

        var response = await GetRequestDocumentTests.UploadAsync(senegal, received.Id, "pv-audition.pdf", content, "Procès-verbal d'audition", isTranslation: false, ETagOf(received.Version));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var attachment = (await response.Content.ReadFromJsonAsync<AttachmentDto>())!;
        var after = await GetRequestAsync(senegal, received.Id);
        var annexEvent = (await GetTimelineAsync(senegal, received.Id)).Last();
        var details = annexEvent.Details!.Value.GetProperty("annex");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(ETagOf(response), Is.EqualTo(ETagOf(received.Version + 1)));
            Assert.That(after.Version, Is.EqualTo(received.Version + 1));
            Assert.That(after.Status, Is.EqualTo(received.Status));
            Assert.That(annexEvent.Action, Is.EqualTo("add-annex"));
            Assert.That(annexEvent.Actor.State, Is.EqualTo("SEN"));
            Assert.That(annexEvent.Verified, Is.True);
            Assert.That(details.GetProperty("id").GetGuid(), Is.EqualTo(attachment.Id));
            Assert.That(details.GetProperty("number").GetInt32(), Is.EqualTo(1));
            Assert.That(details.GetProperty("fileName").GetString(), Is.EqualTo("pv-audition.pdf"));
            Assert.That(details.GetProperty("description").GetString(), Is.EqualTo("Procès-verbal d'audition"));
            Assert.That(details.GetProperty("sha256").GetString(), Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(content))));
            // The sealed text's fields, in their stored order (AnnexAdded): a change here breaks the format.
            Assert.That(details.EnumerateObject().Select(field => field.Name), Is.EqualTo(new[]
            {
                "id", "number", "fileName", "description", "contentType", "sizeBytes", "sha256", "isTranslation", "annexType",
            }));
        }

        // The new ETag is the one the next step needs.
        var next = await PostStepAsync(senegal, received.Id, "execution", new { occurredOn = TodayText, executingAuthority = "Doyen des juges d'instruction, Dakar" }, VersionOf(response));
        Assert.That(next.StatusCode, Is.EqualTo(HttpStatusCode.OK), await next.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Upload_SeveralAnnexes_NumberedInUploadOrderInTheList()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(mali);

        var numbers = new List<int>();
        foreach (var name in new[] { "warrant.pdf", "statement.pdf", "photo.png" })
        {
            var response = await GetRequestDocumentTests.UploadAsync(mali, draft.Id, name, name.EndsWith(".png", StringComparison.Ordinal) ? Png() : Pdf(name), null, isTranslation: false);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
            numbers.Add((await response.Content.ReadFromJsonAsync<AttachmentDto>())!.Number);
        }

        var listed = await mali.GetFromJsonAsync<List<AttachmentDto>>($"/api/requests/{draft.Id}/attachments");
        Assert.That(numbers, Is.EqualTo(new[] { 1, 2, 3 }));
        Assert.That(listed!.Select(annex => (annex.Number, annex.FileName)), Is.EqualTo(new[] { (1, "warrant.pdf"), (2, "statement.pdf"), (3, "photo.png") }));
    }

    [Test]
    public async Task Upload_MoreAnnexesThanARequestMayHold_Answers422NamingTheLimit()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(mali);
        var limit = Services.GetRequiredService<DocumentOptions>().MaxAttachmentsPerRequest;
        for (var i = 1; i <= limit; i++)
        {
            var accepted = await GetRequestDocumentTests.UploadAsync(mali, draft.Id, $"annex-{i}.pdf", Pdf($"annex {i}"), null, isTranslation: false);
            Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Created), await accepted.Content.ReadAsStringAsync());
        }

        var response = await GetRequestDocumentTests.UploadAsync(mali, draft.Id, "one-too-many.pdf", Pdf("one too many"), null, isTranslation: false);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("maxAttachments").GetInt32(), Is.EqualTo(limit));
        Assert.That(problem.GetProperty("detail").GetString(), Does.Contain(limit.ToString(CultureInfo.InvariantCulture)));
        Assert.That(await CountAsync("request_attachments"), Is.EqualTo(limit));
    }

    [Test]
    public async Task Upload_BeyondTheBytesARequestMayHold_Answers413NamingTheLimit()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(mali);
        var options = Services.GetRequiredService<DocumentOptions>();
        var largest = LargePdf(options.MaxAttachmentBytes);
        var fitting = (int)(options.MaxAttachmentBytesPerRequest / options.MaxAttachmentBytes);
        for (var i = 1; i <= fitting; i++)
        {
            var accepted = await GetRequestDocumentTests.UploadAsync(mali, draft.Id, $"scan-{i}.pdf", largest, null, isTranslation: false);
            Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.Created), await accepted.Content.ReadAsStringAsync());
        }

        var response = await GetRequestDocumentTests.UploadAsync(mali, draft.Id, "scan-too-many.pdf", largest, null, isTranslation: false);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.RequestEntityTooLarge));
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.That(problem.GetProperty("maxBytes").GetInt64(), Is.EqualTo(options.MaxAttachmentBytesPerRequest));
        Assert.That(problem.GetProperty("bytesHeld").GetInt64(), Is.EqualTo(fitting * options.MaxAttachmentBytes));
        Assert.That(await CountAsync("request_attachments"), Is.EqualTo(fitting));
    }

    [Test]
    public async Task Transmit_AnnexesBeforeAndAfter_TheFrozenDocumentListsOnlyThoseAddedBefore()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(mali);
        await GetRequestDocumentTests.UploadAsync(mali, draft.Id, "mandat-arret.pdf", Pdf("Mandat"), "Mandat d'arrêt", isTranslation: false);
        var transmitted = await StepAsync(mali, await GetRequestAsync(mali, draft.Id), "transmit", new { occurredOn = TodayText, channel = "central-authority", language = "fr" });

        var after = await GetRequestDocumentTests.UploadAsync(mali, transmitted.Id, "complement-ulterieur.pdf", Pdf("Plus tard"), null, isTranslation: false, ETagOf(transmitted.Version));

        Assert.That(after.StatusCode, Is.EqualTo(HttpStatusCode.Created), await after.Content.ReadAsStringAsync());
        var text = Squeeze(Text(await (await mali.GetAsync($"/api/requests/{transmitted.Id}/document")).Content.ReadAsByteArrayAsync()));
        Assert.That(text, Does.Contain(Squeeze("Annexe 1 : Mandat d’arrêt")));
        Assert.That(text, Does.Not.Contain("complement-ulterieur"));
        var listed = await mali.GetFromJsonAsync<List<AttachmentDto>>($"/api/requests/{transmitted.Id}/attachments");
        Assert.That(listed!.Select(annex => annex.Number), Is.EqualTo(new[] { 1, 2 }));
    }

    private static string ETagOf(int version) => $"\"{version}\"";

    private static int VersionOf(HttpResponseMessage response) =>
        int.Parse(ETagOf(response).Trim('"'), CultureInfo.InvariantCulture);

    private static byte[] LargePdf(long size)
    {
        var content = new byte[size];
        Pdf().CopyTo(content, 0);
        return content;
    }

    private static Task<HttpResponseMessage> UploadWithKeyAsync(HttpClient client, Mla.Api.Features.Requests.RequestDto request, byte[] content, string key) =>
        GetRequestDocumentTests.UploadAsync(client, request.Id, "annex.pdf", content, null, isTranslation: false, ETagOf(request.Version), key);
}
