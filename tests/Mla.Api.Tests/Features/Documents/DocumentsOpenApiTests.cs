using System.Text.Json;
using Mla.Api.Tests.Infrastructure;

namespace Mla.Api.Tests.Features.Documents;

/// <summary>The OpenAPI document describes the document and annex routes with their bodies and problems.</summary>
public sealed class DocumentsOpenApiTests : EngineIndependentApiTest
{
    [Test]
    public async Task OpenApi_DocumentRoutes_DescribedWithContentTypesAndProblems()
    {
        using var client = CreateClient();
        var document = (await JsonDocument.ParseAsync(await (await client.GetAsync("/openapi/v1.json")).Content.ReadAsStreamAsync())).RootElement;
        var paths = document.GetProperty("paths");

        var pdf = paths.GetProperty("/api/requests/{id}/document").GetProperty("get");
        Assert.That(Statuses(pdf), Is.SupersetOf(new[] { "200", "400", "401", "404" }));
        Assert.That(pdf.GetProperty("responses").GetProperty("200").GetProperty("content").TryGetProperty("application/pdf", out _), Is.True);
        Assert.That(Statuses(paths.GetProperty("/api/requests/{id}/documents").GetProperty("get")), Does.Contain("200"));

        var upload = paths.GetProperty("/api/requests/{id}/attachments").GetProperty("post");
        Assert.That(Statuses(upload), Is.SupersetOf(new[] { "201", "400", "403", "404", "409", "412", "413", "415", "422", "428" }));
        var ifMatch = upload.GetProperty("parameters").EnumerateArray().Single(parameter => parameter.GetProperty("name").GetString() == "If-Match");
        Assert.That((ifMatch.GetProperty("in").GetString(), ifMatch.GetProperty("required").GetBoolean()), Is.EqualTo(("header", true)));
        Assert.That(upload.GetProperty("responses").GetProperty("201").GetProperty("headers").TryGetProperty("ETag", out _), Is.True);
        Assert.That(upload.GetProperty("requestBody").GetProperty("content").TryGetProperty("multipart/form-data", out _), Is.True);
        Assert.That(Statuses(paths.GetProperty("/api/requests/{id}/attachments").GetProperty("get")), Does.Contain("200"));
        Assert.That(Statuses(paths.GetProperty("/api/requests/{id}/attachments/{attachmentId}").GetProperty("get")), Is.SupersetOf(new[] { "200", "404" }));
    }

    private static IEnumerable<string> Statuses(JsonElement operation) =>
        operation.GetProperty("responses").EnumerateObject().Select(response => response.Name);
}
