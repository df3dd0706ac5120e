using System.Net;
using System.Text.Json;
using Mla.Api.Tests.Infrastructure;

namespace Mla.Api.Tests.Features.Requests;

/// <summary>The OpenAPI document describes every request route, with its body and its problem responses.</summary>
public sealed class RequestsOpenApiTests : EngineIndependentApiTest
{
    private static readonly string[] StepPaths =
    [
        "transmit", "receipt", "execution", "information-requests", "information-responses", "postponement", "execution-result",
        "refusal", "withdrawal", "provisional-arrest", "extradition-decision", "surrender", "notes",
    ];

    [Test]
    public async Task OpenApi_RequestRoutes_DescribedWithBodiesAndProblems()
    {
        using var client = CreateClient();
        var response = await client.GetAsync("/openapi/v1.json");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var document = (await JsonDocument.ParseAsync(await response.Content.ReadAsStreamAsync())).RootElement;
        var paths = document.GetProperty("paths");

        var collection = paths.GetProperty("/api/requests");
        AssertOperation(collection.GetProperty("post"), withBody: true, "201", "400", "401", "403");
        AssertOperation(collection.GetProperty("get"), withBody: false, "200", "400");
        AssertOperation(paths.GetProperty("/api/requests/incoming").GetProperty("post"), withBody: true, "201", "400");
        var single = paths.GetProperty("/api/requests/{id}");
        AssertOperation(single.GetProperty("get"), withBody: false, "200", "404");
        AssertOperation(single.GetProperty("put"), withBody: true, "200", "400", "404", "409", "412", "428");
        AssertOperation(single.GetProperty("delete"), withBody: false, "204", "404", "409", "412", "428");
        AssertOperation(paths.GetProperty("/api/requests/{id}/timeline").GetProperty("get"), withBody: false, "200", "404");
        foreach (var step in StepPaths)
        {
            var operation = paths.GetProperty($"/api/requests/{{id}}/{step}").GetProperty("post");
            AssertOperation(operation, withBody: true, "200", "400", "403", "404", "409", "412", "422", "428");
            var headers = operation.GetProperty("parameters").EnumerateArray().Select(p => p.GetProperty("name").GetString());
            Assert.That(headers, Does.Contain("If-Match").And.Contain("Idempotency-Key"), step);
        }

        // Bodies hold what the client writes; the route and headers fill the rest.
        var transmit = document.GetProperty("components").GetProperty("schemas").GetProperty("TransmitRequestCommand").GetProperty("properties");
        Assert.That(transmit.EnumerateObject().Select(p => p.Name), Is.EquivalentTo(new[] { "occurredOn", "note", "channel", "language" }));
        var draft = document.GetProperty("components").GetProperty("schemas").GetProperty("CreateDraftCommand").GetProperty("properties");
        Assert.That(draft.EnumerateObject().Select(p => p.Name), Is.SupersetOf(new[]
        {
            "kind", "requestedState", "legalBases", "subject", "investigatingAuthority", "facts", "offences", "persons", "assistance",
            "purpose", "urgency", "urgencyReason", "timeLimit", "language", "confidential", "supplements", "warrant", "judgment",
            "extraditionPurpose", "sentenceRemaining",
        }));
        Assert.That(draft.EnumerateObject().Select(p => p.Name), Has.None.EqualTo("idempotencyKey"));
    }

    private static void AssertOperation(JsonElement operation, bool withBody, params string[] statuses)
    {
        var name = operation.TryGetProperty("operationId", out var id) ? id.GetString() : null;
        Assert.That(name, Is.Not.Null.And.Not.Empty);
        Assert.That(operation.TryGetProperty("summary", out _), Is.True, name);
        Assert.That(operation.GetProperty("tags").EnumerateArray().Select(t => t.GetString()), Does.Contain("Requests"), name);
        Assert.That(operation.TryGetProperty("requestBody", out _), Is.EqualTo(withBody), name);
        Assert.That(operation.GetProperty("responses").EnumerateObject().Select(r => r.Name), Is.SupersetOf(statuses), name);
    }
}
