using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Mla.Api.Features.Documents;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Features.Requests;
using static Mla.Api.Tests.Features.Documents.DocumentTestFiles;

namespace Mla.Api.Tests.Features.Documents;

public sealed class GetRequestDocumentTests(DatabaseEngine engine) : RequestTest(engine)
{
    [Test]
    public async Task GetDocument_DraftInFrench_IsAPdfPreviewMarkedProjetWithTheRequestData()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(mali);

        var response = await mali.GetAsync($"/api/requests/{draft.Id}/document?language=fr");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
        var text = Squeeze(Text(await response.Content.ReadAsByteArrayAsync()));
        Assert.Multiple(() =>
        {
            Assert.That(text, Does.Contain("PROJET"));
            Assert.That(text, Does.Contain(Squeeze("Investigation into the financing of an armed group")));
            Assert.That(text, Does.Contain(Squeeze("Pôle judiciaire spécialisé de Bamako")));
            Assert.That(text, Does.Contain(Squeeze("Bank statements of the accounts")));
            Assert.That(text, Does.Contain("Sénégal"));
        });
    }

    [Test]
    public async Task GetDocument_DraftInEnglish_IsMarkedDraftInEnglish()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(mali);

        var response = await mali.GetAsync($"/api/requests/{draft.Id}/document?language=en");

        var text = Squeeze(Text(await response.Content.ReadAsByteArrayAsync()));
        Assert.That(text, Does.Contain("DRAFT").And.Not.Contain("PROJET"));
    }

    [Test]
    public async Task GetDocument_LanguageWithoutWording_Answers400()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(mali);

        var response = await mali.GetAsync($"/api/requests/{draft.Id}/document?language=xx");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>();
        Assert.That(problem!.Errors["language"], Has.Exactly(1).StartsWith("Must be one of: ").And.Contains("fr"));
    }

    [Test]
    public async Task GetDocument_Transmitted_IsTheFrozenDocumentUnchangedByLaterTransitions()
    {
        var (mali, transmitted) = await TransmittedMlaAsync();
        var atTransmission = await (await mali.GetAsync($"/api/requests/{transmitted.Id}/document")).Content.ReadAsByteArrayAsync();
        using var senegal = await CreateClientAsAsync("sen.ca");
        var received = await StepAsync(senegal, transmitted, "receipt", new { occurredOn = TodayText, requestedSideReference = "SEN/2025/9" });
        await StepAsync(senegal, received, "execution", new { occurredOn = TodayText, executingAuthority = "Tribunal de grande instance de Dakar" });

        var later = await (await senegal.GetAsync($"/api/requests/{transmitted.Id}/document?language=en")).Content.ReadAsByteArrayAsync();

        Assert.That(later, Is.EqualTo(atTransmission));
        var text = Squeeze(Text(later));
        Assert.That(text, Does.Contain(Squeeze(transmitted.ReferenceNumber!)));
        Assert.That(text, Does.Not.Contain("PROJET"));
        mali.Dispose();
    }

    [Test]
    public async Task GetDocument_ThirdState_Answers404()
    {
        var (mali, transmitted) = await TransmittedMlaAsync();
        using var niger = await CreateClientAsAsync("ner.ca");

        var response = await niger.GetAsync($"/api/requests/{transmitted.Id}/document");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        mali.Dispose();
    }

    [TestCase("sjcp.sec")]
    [TestCase("admin")]
    public async Task GetDocument_SecretariatOrAdmin_NeverSeeCaseContent(string username)
    {
        var (mali, transmitted) = await TransmittedMlaAsync();
        using var outsider = await CreateClientAsAsync(username);

        var document = await outsider.GetAsync($"/api/requests/{transmitted.Id}/document");
        var annexes = await outsider.GetAsync($"/api/requests/{transmitted.Id}/attachments");

        Assert.That(document.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(annexes.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        mali.Dispose();
    }

    [Test]
    public async Task ListDocuments_Transmitted_OneFrozenDocumentWhoseHashIsThatOfTheServedBytes()
    {
        var (mali, transmitted) = await TransmittedMlaAsync();

        var documents = await mali.GetFromJsonAsync<List<DocumentSummaryDto>>($"/api/requests/{transmitted.Id}/documents");
        var bytes = await (await mali.GetAsync($"/api/requests/{transmitted.Id}/document")).Content.ReadAsByteArrayAsync();

        Assert.That(documents, Has.Count.EqualTo(1));
        Assert.Multiple(() =>
        {
            Assert.That(documents![0].IsFrozen, Is.True);
            Assert.That(documents[0].Language, Is.EqualTo("fr"));
            Assert.That(documents[0].Sha256, Is.EqualTo(Convert.ToHexStringLower(SHA256.HashData(bytes))));
            Assert.That(documents[0].SizeBytes, Is.EqualTo(bytes.Length));
        });
        mali.Dispose();
    }

    [Test]
    public async Task Transmit_InALanguageMlaCannotWrite_Answers422AndNothingChanges()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(mali, MlaDraft("MRT"));

        var response = await PostStepAsync(mali, draft.Id, "transmit", new { occurredOn = TodayText, channel = "diplomatic", language = "ar" }, draft.Version);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        Assert.That((await GetRequestAsync(mali, draft.Id)).Status, Is.EqualTo(Mla.Domain.Requests.RequestStatus.Draft));
        Assert.That(await CountAsync("request_documents"), Is.Zero);
    }

    [Test]
    public async Task Transmit_WithAnAnnex_TheFrozenDocumentListsTheAnnex()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(mali);
        await UploadAsync(mali, draft.Id, "releve-bancaire-2024.pdf", Pdf(), "Relevé bancaire", isTranslation: false);

        var transmitted = await StepAsync(mali, await GetRequestAsync(mali, draft.Id), "transmit", new { occurredOn = TodayText, channel = "central-authority", language = "fr" });

        var text = Squeeze(Text(await (await mali.GetAsync($"/api/requests/{transmitted.Id}/document")).Content.ReadAsByteArrayAsync()));
        // Numbered, and named by the description given at upload rather than by the file's name.
        Assert.That(text, Does.Contain(Squeeze("Annexe 1 : Relevé bancaire")));
    }

    /// <summary>Uploads an annex on the request's current version (read first), as a client that just read the request would.</summary>
    internal static async Task<HttpResponseMessage> UploadAsync(HttpClient client, Guid requestId, string fileName, byte[] content, string? description, bool isTranslation)
    {
        var current = await GetRequestAsync(client, requestId);
        return await UploadAsync(client, requestId, fileName, content, description, isTranslation, $"\"{current.Version}\"");
    }

    /// <summary>Uploads an annex with <paramref name="ifMatch"/> as If-Match (none when null).</summary>
    internal static async Task<HttpResponseMessage> UploadAsync(
        HttpClient client, Guid requestId, string fileName, byte[] content, string? description, bool isTranslation, string? ifMatch, string? idempotencyKey = null)
    {
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(content);
        file.Headers.ContentType = new System.Net.Http.Headers.MediaTypeHeaderValue("application/octet-stream");
        form.Add(file, "file", fileName);
        if (description is not null)
        {
            form.Add(new StringContent(description), "description");
        }

        form.Add(new StringContent(isTranslation ? "true" : "false"), "isTranslation");
        using var message = new HttpRequestMessage(HttpMethod.Post, $"/api/requests/{requestId}/attachments") { Content = form };
        if (ifMatch is not null)
        {
            message.Headers.TryAddWithoutValidation("If-Match", ifMatch);
        }

        if (idempotencyKey is not null)
        {
            message.Headers.Add("Idempotency-Key", idempotencyKey);
        }

        return await client.SendAsync(message);
    }
}
