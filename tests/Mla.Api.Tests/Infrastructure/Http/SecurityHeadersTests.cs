using System.Net;
using System.Net.Http.Json;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Features.Documents;
using Mla.Api.Tests.Features.Requests;
using static Mla.Api.Tests.Features.Documents.DocumentTestFiles;

namespace Mla.Api.Tests.Infrastructure.Http;

/// <summary>
/// Every answer says <c>X-Content-Type-Options: nosniff</c>; every answer under <c>/api</c>, errors
/// included, says <c>Cache-Control: no-store</c>: tokens, requests, documents and annexes stay out of caches.
/// </summary>
public sealed class SecurityHeadersTests(DatabaseEngine engine) : RequestTest(engine)
{
    [TestCase("/health/live")]
    [TestCase("/openapi/v1.json")]
    [TestCase("/no-such-page")]
    [TestCase("/api/requests")]
    public async Task AnyAnswer_SaysNoSniff(string path)
    {
        using var client = CreateClient();

        var response = await client.GetAsync(path);

        Assert.That(response.Headers.GetValues("X-Content-Type-Options"), Is.EqualTo(new[] { "nosniff" }));
    }

    [Test]
    public async Task Token_IsNotStored()
    {
        await EnsureUserAsync("mli.ca");
        using var client = CreateClient();

        var response = await client.PostAsJsonAsync("/api/auth/token", new { username = "mli.ca", password = TestPassword });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        AssertNotStored(response);
    }

    [Test]
    public async Task RequestsDocumentsAndAnnexes_AreNotStored()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(mali);
        var upload = await GetRequestDocumentTests.UploadAsync(mali, draft.Id, "statement.pdf", Pdf(), null, isTranslation: false);
        Assert.That(upload.StatusCode, Is.EqualTo(HttpStatusCode.Created), await upload.Content.ReadAsStringAsync());
        var transmitted = await StepAsync(mali, await GetRequestAsync(mali, draft.Id), "transmit", new { occurredOn = TodayText, channel = "central-authority", language = "fr" });

        var answers = new[]
        {
            upload,
            await mali.GetAsync($"/api/requests/{transmitted.Id}"),
            await mali.GetAsync("/api/requests"),
            await mali.GetAsync($"/api/requests/{transmitted.Id}/timeline"),
            await mali.GetAsync($"/api/requests/{transmitted.Id}/document"),
            await mali.GetAsync($"/api/requests/{transmitted.Id}/attachments"),
            await mali.GetAsync(upload.Headers.Location),
            await mali.GetAsync($"/api/requests/{Guid.NewGuid()}"),
        };

        Assert.Multiple(() =>
        {
            foreach (var answer in answers)
            {
                AssertNotStored(answer);
            }
        });
    }

    private static void AssertNotStored(HttpResponseMessage response) =>
        Assert.That(response.Headers.CacheControl?.NoStore, Is.True, $"{response.RequestMessage?.RequestUri} ({(int)response.StatusCode})");
}
