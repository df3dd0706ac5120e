using System.Net;
using System.Net.Http.Headers;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Mla.Api.Features.Documents;
using Mla.Api.Features.Requests;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Features.Documents;
using Mla.Domain.Requests;

namespace Mla.Api.Tests.Features.Requests;

/// <summary>
/// Many transmissions of one State at once (issue 8, short write transactions). On one instance they take
/// turns on the State's counter, so each document is rendered once with the number it keeps; instances
/// sharing one database may lose a peeked number to each other, and then render again with the next one:
/// either way the numbers stay exactly 1..N.
/// </summary>
public sealed class ConcurrentTransmissionsTests(DatabaseEngine engine) : RequestTest(engine)
{
    private object Transmission() => new { occurredOn = TodayText, channel = "central-authority", language = "fr" };

    [Test]
    public async Task TransmitRequest_TwentyDraftsOfOneStateInParallel_NumbersOneToTwentyEachRenderedOnce()
    {
        await using var host = CountingHost(out var documents);
        using var client = await SignInAsync(host);
        var drafts = await CreateDraftsAsync(client, 20);

        var responses = await Task.WhenAll(drafts.Select(d => PostStepAsync(client, d.Id, "transmit", Transmission(), d.Version)));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        var numbers = await Task.WhenAll(responses.Select(async r => (await ReadRequestAsync(r)).ReferenceNumber));
        Assert.That(numbers, Is.EquivalentTo(Expected(20)));
        Assert.That(documents.Renders, Is.EqualTo(20), "each document rendered once, with the number it keeps");
    }

    [Test]
    public async Task TransmitRequest_TwoInstancesOnOneDatabaseInParallel_NumbersGapFreeAndEachDocumentCarriesItsOwn()
    {
        await using var first = CountingHost(out var firstDocuments);
        await using var second = CountingHost(out var secondDocuments);
        using var firstClient = await SignInAsync(first);
        using var secondClient = await SignInAsync(second);
        var drafts = await CreateDraftsAsync(firstClient, 20);

        var responses = await Task.WhenAll(drafts.Select((d, i) =>
            PostStepAsync(i % 2 == 0 ? firstClient : secondClient, d.Id, "transmit", Transmission(), d.Version)));

        Assert.That(responses.Select(r => r.StatusCode), Is.All.EqualTo(HttpStatusCode.OK));
        var transmitted = await Task.WhenAll(responses.Select(ReadRequestAsync));
        Assert.That(transmitted.Select(r => r.ReferenceNumber), Is.EquivalentTo(Expected(20)));
        Assert.That(firstDocuments.Renders + secondDocuments.Renders, Is.GreaterThanOrEqualTo(20));
        foreach (var request in transmitted)
        {
            Assert.That(await DocumentTextAsync(firstClient, request.Id), Does.Contain(request.ReferenceNumber),
                "a document rendered again after its number was lost carries the number taken");
        }
    }

    // The fallback, made certain: the first instance renders with number 1 and is held there while the
    // second transmits and takes number 1; the first then takes number 2 and renders again with it.
    [Test]
    public async Task TransmitRequest_NumberTakenByAnotherInstanceWhileRendering_TakesTheNextAndRendersAgain()
    {
        var firstRendering = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var resume = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        await using var first = CountingHost(out var firstDocuments, async render =>
        {
            if (render == 1)
            {
                firstRendering.SetResult();
                await resume.Task;
            }
        });
        await using var second = CountingHost(out var secondDocuments);
        using var firstClient = await SignInAsync(first);
        using var secondClient = await SignInAsync(second);
        var drafts = await CreateDraftsAsync(firstClient, 2);

        var held = PostStepAsync(firstClient, drafts[0].Id, "transmit", Transmission(), drafts[0].Version);
        await firstRendering.Task.WaitAsync(TimeSpan.FromSeconds(30));
        var passed = await PostStepAsync(secondClient, drafts[1].Id, "transmit", Transmission(), drafts[1].Version);
        resume.SetResult();
        var late = await held;

        Assert.That(passed.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That(late.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await ReadRequestAsync(passed)).ReferenceNumber, Is.EqualTo(Expected(1)[0]));
        Assert.That((await ReadRequestAsync(late)).ReferenceNumber, Is.EqualTo(Expected(2)[1]));
        Assert.That(firstDocuments.Renders, Is.EqualTo(2), "rendered with the lost number, then with the one taken");
        Assert.That(secondDocuments.Renders, Is.EqualTo(1));
        var text = await DocumentTextAsync(firstClient, drafts[0].Id);
        Assert.That(text, Does.Contain(Expected(2)[1]).And.Not.Contain(Expected(1)[0]));
    }

    private string[] Expected(int count) => [.. Enumerable.Range(1, count).Select(n => $"MLI/MLA/{Today.Year}/{n:D4}")];

    /// <summary>Another instance of the API on the same database, counting its renderings.</summary>
    private WebApplicationFactory<Program> CountingHost(out RenderCountingDocuments.Counter counter, Func<int, Task>? beforeRender = null)
    {
        var renders = new RenderCountingDocuments.Counter();
        counter = renders;
        return Factory.WithWebHostBuilder(builder => builder.ConfigureTestServices(services =>
            services.AddScoped<ITransmittedDocuments>(provider =>
                new RenderCountingDocuments(provider.GetRequiredService<RequestDocuments>(), renders, beforeRender))));
    }

    private async Task<HttpClient> SignInAsync(WebApplicationFactory<Program> host)
    {
        await EnsureUserAsync("mli.ca");
        var client = host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await GetTokenAsync(client, "mli.ca", TestPassword));
        return client;
    }

    private static async Task<List<RequestDto>> CreateDraftsAsync(HttpClient client, int count)
    {
        var drafts = new List<RequestDto>();
        for (var i = 0; i < count; i++)
        {
            drafts.Add(await CreateDraftAsync(client));
        }

        return drafts;
    }

    private static async Task<string> DocumentTextAsync(HttpClient client, Guid id)
    {
        var response = await client.GetAsync($"/api/requests/{id}/document");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        return DocumentTestFiles.Text(await response.Content.ReadAsByteArrayAsync());
    }

    private sealed class RenderCountingDocuments(ITransmittedDocuments inner, RenderCountingDocuments.Counter counter, Func<int, Task>? beforeRender)
        : ITransmittedDocuments
    {
        public sealed class Counter
        {
            private int _renders;

            public int Renders => Volatile.Read(ref _renders);

            public int Add() => Interlocked.Increment(ref _renders);
        }

        public async Task<RenderedDocument> RenderAsync(AccessibleRequest request, RequestContent content, DateOnly transmittedOn, ReferenceNumber number, CancellationToken cancellationToken)
        {
            var render = counter.Add();
            if (beforeRender is not null)
            {
                await beforeRender(render);
            }

            return await inner.RenderAsync(request, content, transmittedOn, number, cancellationToken);
        }

        public Task FreezeAsync(Guid requestId, RenderedDocument document, int requestVersion, CancellationToken cancellationToken) =>
            inner.FreezeAsync(requestId, document, requestVersion, cancellationToken);
    }
}
