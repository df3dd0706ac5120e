using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Features.Requests;

namespace Mla.Api.Tests.Infrastructure.Http;

/// <summary>If-Match compares strong ETags, and is checked before anything else (RFC 9110 §13.1.1, §13.2.2).</summary>
public sealed class EntityTagTests(DatabaseEngine engine) : RequestTest(engine)
{
    [Test]
    public async Task Transmit_StaleIfMatchOnARequestWhoseStatusAlsoChanged_Answers412Not409()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(mali);
        var transmitted = await StepAsync(mali, draft, "transmit", new { occurredOn = TodayText, channel = "central-authority", language = "fr" });

        // The client still holds the draft: transmitting it again is stale (412) before it is not allowed (409).
        var response = await PostStepAsync(mali, draft.Id, "transmit", new { occurredOn = TodayText, channel = "central-authority", language = "fr" }, draft.Version);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed), await response.Content.ReadAsStringAsync());
        Assert.That((await GetRequestAsync(mali, draft.Id)).Version, Is.EqualTo(transmitted.Version));
    }

    [Test]
    public async Task Transmit_WeakTagOfTheCurrentVersion_Answers412AndChangesNothing()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(mali);

        var response = await SendWithIfMatchAsync(mali, HttpMethod.Post, $"/api/requests/{draft.Id}/transmit",
            new { occurredOn = TodayText, channel = "central-authority", language = "fr" }, new EntityTagHeaderValue($"\"{draft.Version}\"", isWeak: true));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var read = await GetRequestAsync(mali, draft.Id);
        Assert.That((read.Version, read.Status), Is.EqualTo((draft.Version, draft.Status)));
    }

    [Test]
    public async Task UpdateDraft_WeakTagOfTheCurrentVersion_Answers412AndChangesNothing()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(mali);
        var body = MlaDraft();
        body["subject"] = "Changed";

        var response = await SendWithIfMatchAsync(mali, HttpMethod.Put, $"/api/requests/{draft.Id}", body, new EntityTagHeaderValue($"\"{draft.Version}\"", isWeak: true));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.PreconditionFailed), await response.Content.ReadAsStringAsync());
        Assert.That((await GetRequestAsync(mali, draft.Id)).Content.Subject, Is.EqualTo(draft.Content.Subject));
    }

    private static Task<HttpResponseMessage> SendWithIfMatchAsync(HttpClient client, HttpMethod method, string path, object body, EntityTagHeaderValue tag)
    {
        var message = new HttpRequestMessage(method, path) { Content = JsonContent.Create(body, options: Json) };
        message.Headers.IfMatch.Add(tag);
        return client.SendAsync(message);
    }
}
