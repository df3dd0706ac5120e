using System.Net;
using System.Net.Http.Json;
using Microsoft.Extensions.DependencyInjection;
using Mla.Api.Features.Progress;
using Mla.Api.Features.Requests;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Features.Requests;
using Mla.Domain.Progress;

namespace Mla.Api.Tests.Features.Progress;

/// <summary>Deadlines and daysPending as a user sees them on a request and in the list, and the overdue filter agreeing with both.</summary>
public sealed class RequestDeadlinesTests(DatabaseEngine engine) : RequestTest(engine)
{
    [Test]
    public async Task Receipt_OnItsDueDayAndTheDayAfter_TheRequestTheListAndTheFilterAgree()
    {
        var (mali, transmitted) = await TransmittedMlaAsync();
        using var senegal = await CreateClientAsAsync("sen.ca");
        var due = Today.AddDays(30);

        Factory.Clock.Advance(TimeSpan.FromDays(30));
        var onDueDay = await GetRequestAsync(senegal, transmitted.Id);
        var listedOnDueDay = (await ListAsync(mali, "")).Items.Single();
        var overdueOnDueDay = await ListAsync(senegal, "?overdue=receipt");

        Factory.Clock.Advance(TimeSpan.FromDays(1));
        var dayAfter = await GetRequestAsync(senegal, transmitted.Id);
        var overdueDayAfter = await ListAsync(senegal, "?overdue=receipt");
        var anyOverdueDayAfter = await ListAsync(mali, "?overdue=any");
        var otherKindDayAfter = await ListAsync(mali, "?overdue=status-update");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(onDueDay.Deadlines, Is.EqualTo(new[] { new Deadline(DeadlineKind.Receipt, due, false) }));
            Assert.That(listedOnDueDay.Deadlines, Is.EqualTo(onDueDay.Deadlines));
            Assert.That(onDueDay.DaysPending, Is.EqualTo(30));
            Assert.That(overdueOnDueDay.Total, Is.Zero);
            Assert.That(dayAfter.Deadlines, Is.EqualTo(new[] { new Deadline(DeadlineKind.Receipt, due, true) }));
            Assert.That(overdueDayAfter.Items.Select(r => r.Id), Is.EqualTo(new[] { transmitted.Id }));
            Assert.That(overdueDayAfter.Items.Single().Deadlines.Single().Overdue, Is.True);
            Assert.That(anyOverdueDayAfter.Total, Is.EqualTo(1));
            Assert.That(otherKindDayAfter.Total, Is.Zero);
        }
    }

    [Test]
    public async Task Receipt_OnceReceived_GivesWayToTheStatusUpdate()
    {
        var (senegal, received) = await ReceivedMlaAsync();

        Factory.Clock.Advance(TimeSpan.FromDays(61));
        var later = await GetRequestAsync(senegal, received.Id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(received.Deadlines, Is.EqualTo(new[] { new Deadline(DeadlineKind.StatusUpdate, Today.AddDays(-1), false) }));
            Assert.That(later.Deadlines.Select(d => (d.Kind, d.Overdue)), Is.EqualTo(new[] { (DeadlineKind.StatusUpdate, true) }));
            Assert.That(later.Deadlines.Single().DueOn, Is.EqualTo(Today.AddDays(-1)));
        }
    }

    [Test]
    public async Task StatusUpdate_ANoteOfTheRequestedSide_RestartsIt_ANoteOfTheRequestingSideDoesNot()
    {
        var (senegal, received) = await ReceivedMlaAsync();
        using var mali = await CreateClientAsAsync("mli.ca");
        Factory.Clock.Advance(TimeSpan.FromDays(10));
        var afterMaliNote = await StepAsync(mali, received, "notes", new { occurredOn = TodayText, note = "Any news?" });
        Factory.Clock.Advance(TimeSpan.FromDays(10));
        var afterSenegalNote = await StepAsync(senegal, afterMaliNote, "notes", new { occurredOn = TodayText, note = "Hearing scheduled." });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(afterMaliNote.Deadlines.Single().DueOn, Is.EqualTo(Today.AddDays(-20 + 60)));
            Assert.That(afterSenegalNote.Deadlines.Single().DueOn, Is.EqualTo(Today.AddDays(60)));
        }
    }

    [Test]
    public async Task DaysPending_WhileAwaitingInformation_StandsStill_ThenRunsAgain()
    {
        var (senegal, received) = await ReceivedMlaAsync();
        using var mali = await CreateClientAsAsync("mli.ca");
        Factory.Clock.Advance(TimeSpan.FromDays(10));
        var awaiting = await StepAsync(senegal, received, "information-requests", new { occurredOn = TodayText, informationNeeded = "The account numbers." });
        Factory.Clock.Advance(TimeSpan.FromDays(15));
        var stillAwaiting = await GetRequestAsync(mali, received.Id);
        var listed = (await ListAsync(mali, "")).Items.Single();
        var answered = await StepAsync(mali, stillAwaiting, "information-responses", new { occurredOn = TodayText, informationProvided = "SN012 01001." });
        Factory.Clock.Advance(TimeSpan.FromDays(3));
        var resumed = await GetRequestAsync(mali, received.Id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(awaiting.DaysPending, Is.EqualTo(10));
            Assert.That(awaiting.Deadlines, Is.Empty, "no status update is due from a side waiting for the other");
            Assert.That(stillAwaiting.DaysPending, Is.EqualTo(10));
            Assert.That(listed.DaysPending, Is.EqualTo(10));
            Assert.That(answered.DaysPending, Is.EqualTo(10));
            Assert.That(resumed.DaysPending, Is.EqualTo(13));
            Assert.That(resumed.Deadlines.Single().Kind, Is.EqualTo(DeadlineKind.StatusUpdate));
        }
    }

    [Test]
    public async Task TimeLimit_OverdueTheDayAfter_AndNoneOnceTheRequestIsFinal()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var body = MlaDraft();
        body["urgency"] = "urgent";
        body["urgencyReason"] = "The suspect's detention ends soon.";
        body["timeLimit"] = Today.AddDays(5).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        var draft = await CreateDraftAsync(mali, body);
        var transmitted = await StepAsync(mali, draft, "transmit", new { occurredOn = TodayText, channel = "central-authority", language = "fr" });

        Factory.Clock.Advance(TimeSpan.FromDays(5));
        var onTheDay = await ListAsync(mali, "?overdue=time-limit");
        Factory.Clock.Advance(TimeSpan.FromDays(1));
        var dayAfter = await ListAsync(mali, "?overdue=time-limit");
        var withdrawn = await StepAsync(mali, await GetRequestAsync(mali, transmitted.Id), "withdrawal", new { occurredOn = TodayText, reason = "No longer needed." });
        var afterWithdrawal = await ListAsync(mali, "?overdue=any");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(draft.Deadlines, Is.Empty, "a draft has no deadline");
            Assert.That(draft.DaysPending, Is.Null);
            Assert.That(transmitted.Deadlines.Select(d => d.Kind), Is.EqualTo(new[] { DeadlineKind.TimeLimit, DeadlineKind.Receipt }));
            Assert.That(onTheDay.Total, Is.Zero);
            Assert.That(dayAfter.Items.Select(r => r.Id), Is.EqualTo(new[] { transmitted.Id }));
            Assert.That(withdrawn.Deadlines, Is.Empty);
            Assert.That(withdrawn.DaysPending, Is.EqualTo(6));
            Assert.That(afterWithdrawal.Total, Is.Zero);
        }
    }

    [Test]
    public async Task ProvisionalArrest_ExpiresFortyDaysAfterTheArrest()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        using var niger = await CreateClientAsAsync("ner.ca");
        var draft = await CreateDraftAsync(mali, ExtraditionDraft("NER"));
        var transmitted = await StepAsync(mali, draft, "transmit", new { occurredOn = TodayText, channel = "central-authority", language = "fr" });
        var received = await StepAsync(niger, transmitted, "receipt", new { occurredOn = TodayText, requestedSideReference = "NER/2026/9" });
        var arrested = await StepAsync(niger, received, "provisional-arrest", new { occurredOn = TodayText });

        Factory.Clock.Advance(TimeSpan.FromDays(41));
        var overdue = await ListAsync(mali, "?overdue=provisional-arrest");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(arrested.Deadlines.Single(d => d.Kind == DeadlineKind.ProvisionalArrest).DueOn, Is.EqualTo(arrested.ProvisionalArrestOn!.Value.AddDays(40)));
            Assert.That(overdue.Items.Select(r => r.Id), Is.EqualTo(new[] { transmitted.Id }));
        }
    }

    /// <summary>
    /// An overdue search with more matches than the count's cap reads each side in its sort's order
    /// (<c>SearchFilters.ReadInSortOrder</c>) instead of sorting every overdue deadline: it must give the
    /// very pages the due-date index gives, for every sort, by page number and by <c>next</c>, and still
    /// leave out what is not overdue.
    /// </summary>
    [Test]
    public async Task Overdue_MoreMatchesThanTheCap_ReadInSortOrder_GivesTheSamePagesForEverySort()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        using var senegal = await CreateClientAsAsync("sen.ca");
        var transmit = new { occurredOn = TodayText, channel = "central-authority", language = "fr" };
        List<Guid> overdue = [];
        for (var i = 0; i < 4; i++)
        {
            overdue.Add((await StepAsync(mali, await CreateDraftAsync(mali), "transmit", transmit)).Id);
            Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        }

        // Sent to Mali and never acknowledged: overdue on Mali's incoming side too.
        overdue.Add((await StepAsync(senegal, await CreateDraftAsync(senegal, MlaDraft("MLI")), "transmit", transmit)).Id);
        Factory.Clock.Advance(TimeSpan.FromSeconds(1));
        // Acknowledged (its next deadline is the status update, 60 days on) and a draft: neither overdue.
        var acknowledged = await StepAsync(mali, await CreateDraftAsync(mali), "transmit", transmit);
        await StepAsync(senegal, acknowledged, "receipt", new { occurredOn = TodayText, requestedSideReference = "SEN/CA/2026/9" });
        await CreateDraftAsync(mali);
        Factory.Clock.Advance(TimeSpan.FromDays(31));

        var search = Services.GetRequiredService<SearchOptions>();
        var cap = search.TotalCap;
        List<string> mismatches = [];
        foreach (var sort in new[] { "created", "updated", "transmitted", "received", "reference" })
        {
            foreach (var order in new[] { "asc", "desc" })
            {
                var query = $"?overdue=any&sort={sort}&order={order}&pageSize=2";
                var byIndex = await AllPagesAsync(mali, query);
                search.TotalCap = 2;
                try
                {
                    var inSortOrder = await AllPagesAsync(mali, query);
                    if (!byIndex.ByNumber.SequenceEqual(inSortOrder.ByNumber) || !byIndex.ByNext.SequenceEqual(inSortOrder.ByNext)
                        || !byIndex.ByNumber.SequenceEqual(byIndex.ByNext) || !byIndex.ByNumber.Order().SequenceEqual(overdue.Order()))
                    {
                        mismatches.Add($"{query}: by index {string.Join(",", byIndex.ByNumber)} / {string.Join(",", byIndex.ByNext)}; in sort order {string.Join(",", inSortOrder.ByNumber)} / {string.Join(",", inSortOrder.ByNext)}");
                    }
                }
                finally
                {
                    search.TotalCap = cap;
                }
            }
        }

        var newestFirst = (await AllPagesAsync(mali, "?overdue=any&pageSize=2")).ByNumber;
        using (Assert.EnterMultipleScope())
        {
            Assert.That(mismatches, Is.Empty);
            Assert.That(newestFirst, Is.EqualTo(overdue.AsEnumerable().Reverse()), "newest first, and only the overdue");
        }
    }

    private static async Task<(List<Guid> ByNumber, List<Guid> ByNext)> AllPagesAsync(HttpClient client, string query)
    {
        List<Guid> byNumber = [];
        for (var page = 1; page <= 10; page++)
        {
            var items = (await ListAsync(client, $"{query}&page={page}")).Items;
            byNumber.AddRange(items.Select(r => r.Id));
            if (items.Count == 0)
            {
                break;
            }
        }

        List<Guid> byNext = [];
        string? after = null;
        for (var page = 0; page < 10; page++)
        {
            var found = await ListAsync(client, query + (after is null ? "" : $"&after={after}"));
            byNext.AddRange(found.Items.Select(r => r.Id));
            if ((after = found.Next) is null)
            {
                break;
            }
        }

        return (byNumber, byNext);
    }

    private static async Task<RequestPage> ListAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/requests{query}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return (await response.Content.ReadFromJsonAsync<RequestPage>(Json))!;
    }
}
