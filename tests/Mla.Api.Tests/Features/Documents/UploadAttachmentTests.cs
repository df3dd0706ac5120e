using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
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
        await GetRequestDocumentTests.UploadAsync(mali, draft.Id, "request-en.pdf", Pdf("English translation"), "English translation", isTranslation: true);
        var accepted = await PostStepAsync(mali, draft.Id, "transmit", new { occurredOn = TodayText, channel = "central-authority", language = "fr" }, draft.Version);

        Assert.That(refused.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await refused.Content.ReadAsStringAsync(), Does.Contain("language"));
        Assert.That(accepted.StatusCode, Is.EqualTo(HttpStatusCode.OK), await accepted.Content.ReadAsStringAsync());
    }

    [Test]
    public async Task Upload_SameIdempotencyKeyTwice_StoresOneAnnexAndReplaysTheFirstAnswer()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(mali);

        var first = await UploadWithKeyAsync(mali, draft.Id, Pdf("one"), "key-1");
        var second = await UploadWithKeyAsync(mali, draft.Id, Pdf("one"), "key-1");
        var otherContent = await UploadWithKeyAsync(mali, draft.Id, Pdf("two"), "key-1");

        Assert.That(first.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(second.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        Assert.That(second.Headers.Location, Is.EqualTo(first.Headers.Location));
        Assert.That(otherContent.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That(await CountAsync("request_attachments"), Is.EqualTo(1));
    }

    private static async Task<HttpResponseMessage> UploadWithKeyAsync(HttpClient client, Guid requestId, byte[] content, string key)
    {
        using var form = new MultipartFormDataContent();
        form.Add(new ByteArrayContent(content), "file", "annex.pdf");
        using var message = new HttpRequestMessage(HttpMethod.Post, $"/api/requests/{requestId}/attachments") { Content = form };
        message.Headers.Add("Idempotency-Key", key);
        return await client.SendAsync(message);
    }
}
