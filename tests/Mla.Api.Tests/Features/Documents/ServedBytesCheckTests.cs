using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using Microsoft.AspNetCore.Mvc;
using Mla.Api.Features.Documents;
using Mla.Api.Features.Requests;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Features.Requests;

namespace Mla.Api.Tests.Features.Documents;

/// <summary>
/// A frozen document or an annex edited in the database (its bytes, or its bytes and stored SHA-256
/// together) is not served as genuine: the download answers a 409 problem saying the record failed its
/// integrity check, and the log names the request, never the content.
/// </summary>
public sealed class ServedBytesCheckTests(DatabaseEngine engine) : RequestTest(engine)
{
    private static readonly byte[] ForgedPdf = DocumentTestFiles.Pdf("Forged: this is not what was transmitted");

    [Test]
    public async Task GetDocument_Untouched_ServedWithItsSha256()
    {
        var (mali, request) = await TransmittedWithAnnexAsync();

        var document = await mali.GetAsync($"/api/requests/{request.Id}/document");
        var annex = await mali.GetAsync($"/api/requests/{request.Id}/attachments/{await AnnexIdAsync(mali, request.Id)}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(document.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(document.Headers.ETag?.Tag, Is.EqualTo($"\"{Sha256(await document.Content.ReadAsByteArrayAsync())}\""));
            Assert.That(annex.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        }

        mali.Dispose();
    }

    [TestCase("UPDATE request_documents SET content = @forged WHERE request_id = @id", TestName = "GetDocument_BytesEdited_Answers409IntegrityProblem")]
    [TestCase("UPDATE request_documents SET content = @forged, sha256 = @sha256 WHERE request_id = @id", TestName = "GetDocument_BytesAndSha256Edited_Answers409IntegrityProblem")]
    public async Task GetDocument_Edited_Answers409IntegrityProblem(string sql)
    {
        var (mali, request) = await TransmittedWithAnnexAsync();
        Factory.Logs.Clear();

        await ExecuteAsDatabaseAdministratorAsync(sql, new { forged = ForgedPdf, sha256 = Sha256(ForgedPdf), id = request.Id });
        var response = await mali.GetAsync($"/api/requests/{request.Id}/document");

        await AssertIntegrityProblemAsync(response, request.Id);
        mali.Dispose();
    }

    [TestCase("UPDATE request_attachments SET content = @forged WHERE request_id = @id", TestName = "GetAttachment_BytesEdited_Answers409IntegrityProblem")]
    [TestCase("UPDATE request_attachments SET content = @forged, sha256 = @sha256, size_bytes = @size WHERE request_id = @id", TestName = "GetAttachment_BytesAndSha256Edited_Answers409IntegrityProblem")]
    public async Task GetAttachment_Edited_Answers409IntegrityProblem(string sql)
    {
        var (mali, request) = await TransmittedWithAnnexAsync();
        var annexId = await AnnexIdAsync(mali, request.Id);
        Factory.Logs.Clear();

        await ExecuteAsDatabaseAdministratorAsync(sql, new { forged = ForgedPdf, sha256 = Sha256(ForgedPdf), size = (long)ForgedPdf.Length, id = request.Id });
        var response = await mali.GetAsync($"/api/requests/{request.Id}/attachments/{annexId}");

        await AssertIntegrityProblemAsync(response, request.Id);
        mali.Dispose();
    }

    private async Task AssertIntegrityProblemAsync(HttpResponseMessage response, Guid requestId)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), body);
        var problem = System.Text.Json.JsonSerializer.Deserialize<ProblemDetails>(body, Json)!;
        var logged = Factory.Logs.Entries.Where(e => e.Message.Contains("Integrity check failed", StringComparison.Ordinal)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
            Assert.That(problem.Type, Is.EqualTo(IntegrityCheckFailedException.ProblemType));
            Assert.That(problem.Title, Is.EqualTo("Integrity check failed"));
            Assert.That(body, Does.Not.Contain("Test Person One").And.Not.Contain("witness-statement"));
            Assert.That(logged, Has.Count.EqualTo(1));
            Assert.That(logged[0].Message, Does.Contain(requestId.ToString()));
            Assert.That(Factory.Logs.Entries.Where(e => e.Contains("Test Person One") || e.Contains("witness-statement.pdf") || e.Contains("Forged")), Is.Empty,
                "no personal data, file name or content in the logs");
        }
    }

    private async Task<(HttpClient Mali, RequestDto Request)> TransmittedWithAnnexAsync()
    {
        var mali = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(mali);
        using var form = new MultipartFormDataContent();
        var file = new ByteArrayContent(DocumentTestFiles.Pdf("Statement of the witness"));
        file.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        form.Add(file, "file", "witness-statement.pdf");
        using var message = new HttpRequestMessage(HttpMethod.Post, $"/api/requests/{draft.Id}/attachments") { Content = form };
        message.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{draft.Version}\""));
        var upload = await mali.SendAsync(message);
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Created), await upload.Content.ReadAsStringAsync());
        var transmitted = await StepAsync(mali, await GetRequestAsync(mali, draft.Id), "transmit", new { occurredOn = TodayText, channel = "central-authority", language = "fr" });
        return (mali, transmitted);
    }

    private static async Task<Guid> AnnexIdAsync(HttpClient client, Guid requestId) =>
        (await client.GetFromJsonAsync<List<AttachmentDto>>($"/api/requests/{requestId}/attachments", Json))!.Single().Id;

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));
}
