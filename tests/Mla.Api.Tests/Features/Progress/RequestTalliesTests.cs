using System.Net;
using System.Net.Http.Json;
using Dapper;
using Microsoft.Extensions.DependencyInjection;
using Mla.Api.Features.Progress;
using Mla.Api.Features.Requests;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Features.Requests;
using Mla.Domain.Requests;

namespace Mla.Api.Tests.Features.Progress;

/// <summary>
/// The tallies (<see cref="RequestTallies"/>) that the dashboard's counts and a list's total read instead
/// of counting the requests: kept in step by every write, and what the list says when it stops counting.
/// </summary>
public sealed class RequestTalliesTests(DatabaseEngine engine) : RequestTest(engine)
{
    [Test]
    public async Task Tallies_AfterEveryKindOfWrite_EqualTheRequestsCountedAgain()
    {
        List<string> mismatches = [];
        var (mali, transmitted) = await TransmittedMlaAsync();
        await CheckAsync("transmitted");
        using var senegal = await CreateClientAsAsync("sen.ca");
        var received = await StepAsync(senegal, transmitted, "receipt", new { occurredOn = TodayText, requestedSideReference = "SEN/1" });
        await CheckAsync("receipt acknowledged");
        var asked = await StepAsync(senegal, received, "information-requests", new { occurredOn = TodayText, informationNeeded = "Which bank?" });
        await CheckAsync("information asked");
        var answered = await StepAsync(mali, await GetRequestAsync(mali, asked.Id), "information-responses", new { occurredOn = TodayText, informationProvided = "Bank of Africa." });
        await CheckAsync("information provided");

        var draft = await CreateDraftAsync(mali);
        await CheckAsync("draft created");
        var moved = await PutDraftAsync(mali, draft.Id, ExtraditionDraft("NER"), draft.Version);
        Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await moved.Content.ReadAsStringAsync());
        await CheckAsync("draft turned into an extradition request to Niger");
        var discarded = await CreateDraftAsync(mali);
        using (var discard = new HttpRequestMessage(HttpMethod.Delete, $"/api/requests/{discarded.Id}"))
        {
            discard.Headers.IfMatch.Add(new System.Net.Http.Headers.EntityTagHeaderValue($"\"{discarded.Version}\""));
            var response = await mali.SendAsync(discard);
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NoContent), await response.Content.ReadAsStringAsync());
        }

        await CheckAsync("draft discarded");
        Assert.That(mismatches, Is.Empty);
        var dashboard = (await (await mali.GetAsync("/api/dashboard")).Content.ReadFromJsonAsync<DashboardDto>(Json))!;
        Assert.That(dashboard.Outgoing, Is.EquivalentTo(new[] { new StatusCountDto(RequestStatus.Draft, 1), new StatusCountDto(answered.Status, 1) }),
            "one draft left (the other discarded) and the request Senegal answered");

        async Task CheckAsync(string after)
        {
            await using var connection = await OpenConnectionAsync();
            var tallies = await connection.QueryAsync<(string, string, string, string, long)>(
                "SELECT requesting_state, requested_state, kind, status, requests FROM request_tallies WHERE requests <> 0");
            var counted = await connection.QueryAsync<(string, string, string, string, long)>("""
                SELECT requesting_state, requested_state, kind, status, COUNT(*) FROM requests WHERE discarded_at IS NULL
                GROUP BY requesting_state, requested_state, kind, status
                """);
            var expected = counted.Select(Describe).Order().ToList();
            var actual = tallies.Select(Describe).Order().ToList();
            if (!expected.SequenceEqual(actual))
            {
                mismatches.Add($"after {after}: tallies [{string.Join("; ", actual)}], requests [{string.Join("; ", expected)}]");
            }
        }

        static string Describe((string From, string To, string Kind, string Status, long Count) row) =>
            $"{row.From.Trim()}>{row.To.Trim()} {row.Kind} {row.Status} {row.Count}";
    }

    [Test]
    public async Task List_SearchBeyondTheCountsCap_SaysMoreThanTheCap_AndPagesAllTheSame()
    {
        var (mali, first) = await TransmittedMlaAsync();
        List<Guid> ids = [first.Id];
        for (var i = 0; i < 3; i++)
        {
            var draft = await CreateDraftAsync(mali);
            ids.Add((await StepAsync(mali, draft, "transmit", new { occurredOn = TodayText, channel = "central-authority", language = "fr" })).Id);
            Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        // One received too: the tallies' total adds both sides, even past the cap.
        using var senegal = await CreateClientAsAsync("sen.ca");
        var toMali = await CreateDraftAsync(senegal, MlaDraft("MLI"));
        ids.Add((await StepAsync(senegal, toMali, "transmit", new { occurredOn = TodayText, channel = "central-authority", language = "fr" })).Id);

        var search = Services.GetRequiredService<SearchOptions>();
        var cap = search.TotalCap;
        search.TotalCap = 2;
        try
        {
            var capped = await ListAsync(mali, "?urgency=normal&pageSize=3");
            var second = await ListAsync(mali, "?urgency=normal&pageSize=3&page=2");
            var tallied = await ListAsync(mali, "?status=transmitted&pageSize=3");
            using (Assert.EnterMultipleScope())
            {
                Assert.That((capped.Total, capped.TotalIsExact), Is.EqualTo((2L, false)), "five match: more than the cap of two");
                Assert.That(capped.Items.Concat(second.Items).Select(r => r.Id), Is.EqualTo(ids.AsEnumerable().Reverse()), "every match is still paged, newest first");
                Assert.That((tallied.Total, tallied.TotalIsExact), Is.EqualTo((5L, true)), "a status filter is counted exactly from the tallies, on both sides");
            }
        }
        finally
        {
            search.TotalCap = cap;
        }
    }

    private static async Task<RequestPage> ListAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/requests{query}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<RequestPage>(Json))!;
    }
}
