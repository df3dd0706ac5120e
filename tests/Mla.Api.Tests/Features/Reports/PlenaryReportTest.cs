using System.Net;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text.Json;
using Mediator;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Mla.Api.Features.Reports;
using Mla.Api.Features.Requests;
using Mla.Api.Infrastructure.Auth;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Features.Requests;

namespace Mla.Api.Tests.Features.Reports;

/// <summary>
/// A known set of requests with chosen dates, built through the mediator as each user would (the clock is set to
/// each step's day, since a step may be dated neither in the future nor before the previous one), and the report
/// read over HTTP. The figures it should give are worked out by hand in <see cref="KnownSet"/>.
/// </summary>
public abstract class PlenaryReportTest(DatabaseEngine engine) : RequestTest(engine)
{
    /// <summary>The period of the known set, and its previous period (2025-07-01 to 2025-12-31).</summary>
    protected const string Period = "network=sjcp&from=2026-01-01&to=2026-06-30";

    private JsonSerializerOptions ApiJson => Services.GetRequiredService<IOptions<Microsoft.AspNetCore.Http.Json.JsonOptions>>().Value.SerializerOptions;

    /// <summary>
    /// The known set, every date chosen (SJCP: BFA, MLI, MRT, NER, SEN, TCD; the period is the first half of 2026):
    /// <list type="table">
    /// <item>R1 MLA MLI→SEN: sent 10 Jan, received 20 Jan (10 d), in execution 25 Jan, information asked 1 Feb and
    /// given 11 Feb (10 d paused), partially executed 2 Mar: 51 days, 41 active.</item>
    /// <item>R2 MLA MLI→SEN: sent 1 Feb, received 5 Feb (4 d), postponed 10 Feb, resumed 12 Mar (30 d paused), refused
    /// 22 Mar (no dual criminality): 49 days, 19 active.</item>
    /// <item>R3 extradition MLI→NER: sent 5 Jan, received 12 Jan (7 d), in execution 15 Jan, granted 4 Feb (30 d),
    /// surrendered 20 Feb.</item>
    /// <item>R4 urgent provisional arrest SEN→MLI: sent 1 Mar, received 31 Mar (30 d); pending on 30 June, 121 days.</item>
    /// <item>R5 MLA NER→MLI: sent 1 Apr, never received, withdrawn 15 July (after the period): Transmitted on
    /// 30 June, pending 90 days.</item>
    /// <item>R6 MLA BFA→SEN registered by Senegal: sent 20 Feb, received 2 Mar (10 d), information asked 5 Mar and
    /// never given: pending 130 days of which 117 paused, 13 active.</item>
    /// <item>R7 MLA MLI→GHA: Ghana is not in SJCP, never counted.</item>
    /// <item>R8 MLA SEN→MLI: sent 1 Sep 2025, received 11 Sep (10 d): the previous period's; pending 302 days on
    /// 30 June 2026, 121 on 31 Dec 2025.</item>
    /// <item>R9 MLA MLI→SEN: sent 1 Mar 2025, received 5 Mar, before both periods: pending 486 days on 30 June
    /// 2026, 305 on 31 Dec 2025.</item>
    /// <item>A draft never transmitted, never counted.</item>
    /// </list>
    /// </summary>
    protected async Task<IReadOnlyDictionary<string, Guid>> BuildKnownSetAsync()
    {
        var ids = new Dictionary<string, Guid>();

        var r1 = await DraftAndTransmitAsync("mli.ca", MlaDraft("SEN"), Day(2026, 1, 10));
        r1 = await StepAsync<AcknowledgeReceiptCommand>("sen.ca", r1, Day(2026, 1, 20), new { requestedSideReference = "SEN/CA/2026/001" });
        r1 = await StepAsync<StartExecutionCommand>("sen.ca", r1, Day(2026, 1, 25), new { executingAuthority = "Doyen des juges" });
        r1 = await StepAsync<AskForInformationCommand>("sen.ca", r1, Day(2026, 2, 1), new { informationNeeded = "Account numbers" });
        r1 = await StepAsync<ProvideInformationCommand>("mli.ca", r1, Day(2026, 2, 11), new { informationProvided = "The account numbers" });
        r1 = await StepAsync<RecordExecutionCommand>("sen.ca", r1, Day(2026, 3, 2), new
        {
            outcomes = new[] { new { outcome = "executed", note = "Statements sent" }, new { outcome = "partially-executed", note = "Manager heard" } },
        });
        ids["R1"] = r1.Id;

        var r2 = await DraftAndTransmitAsync("mli.ca", MlaDraft("SEN"), Day(2026, 2, 1));
        r2 = await StepAsync<AcknowledgeReceiptCommand>("sen.ca", r2, Day(2026, 2, 5), new { requestedSideReference = "SEN/CA/2026/002" });
        r2 = await StepAsync<PostponeExecutionCommand>("sen.ca", r2, Day(2026, 2, 10), new { reason = "A local investigation runs" });
        r2 = await StepAsync<StartExecutionCommand>("sen.ca", r2, Day(2026, 3, 12), new { executingAuthority = "Doyen des juges" });
        r2 = await StepAsync<RefuseRequestCommand>("sen.ca", r2, Day(2026, 3, 22), new { grounds = new[] { "no-dual-criminality" }, reasons = "Not an offence here." });
        ids["R2"] = r2.Id;

        var r3 = await DraftAndTransmitAsync("mli.ca", ExtraditionDraft("NER"), Day(2026, 1, 5));
        r3 = await StepAsync<AcknowledgeReceiptCommand>("ner.ca", r3, Day(2026, 1, 12), new { requestedSideReference = "NER/CA/2026/003" });
        r3 = await StepAsync<StartExecutionCommand>("ner.ca", r3, Day(2026, 1, 15), new { executingAuthority = "Chambre d'accusation" });
        r3 = await StepAsync<RecordExtraditionDecisionCommand>("ner.ca", r3, Day(2026, 2, 4), new { decision = "granted" });
        r3 = await StepAsync<RecordSurrenderCommand>("ner.ca", r3, Day(2026, 2, 20), new { });
        ids["R3"] = r3.Id;

        var r4 = await DraftAndTransmitAsync("sen.ca", ProvisionalArrestDraft("MLI"), Day(2026, 3, 1));
        r4 = await StepAsync<AcknowledgeReceiptCommand>("mli.ca", r4, Day(2026, 3, 31), new { requestedSideReference = "MLI/CA/2026/004" });
        ids["R4"] = r4.Id;

        var r5 = await DraftAndTransmitAsync("ner.ca", MlaDraft("MLI"), Day(2026, 4, 1));
        r5 = await StepAsync<WithdrawRequestCommand>("ner.ca", r5, Day(2026, 7, 15), new { reason = "No longer needed" });
        ids["R5"] = r5.Id;

        var r6 = await RegisterIncomingAsync("sen.ca", RegisteredFromBurkina(Day(2026, 2, 20)), Day(2026, 3, 2));
        r6 = await StepAsync<AskForInformationCommand>("sen.ca", r6, Day(2026, 3, 5), new { informationNeeded = "The bus driver's address" });
        ids["R6"] = r6.Id;

        var toGhana = MlaDraft("GHA");
        toGhana["language"] = "en";
        ids["R7"] = (await DraftAndTransmitAsync("mli.ca", toGhana, Day(2026, 1, 15), "en")).Id;

        var r8 = await DraftAndTransmitAsync("sen.ca", MlaDraft("MLI"), Day(2025, 9, 1));
        r8 = await StepAsync<AcknowledgeReceiptCommand>("mli.ca", r8, Day(2025, 9, 11), new { requestedSideReference = "MLI/CA/2025/008" });
        ids["R8"] = r8.Id;

        var r9 = await DraftAndTransmitAsync("mli.ca", MlaDraft("SEN"), Day(2025, 3, 1));
        r9 = await StepAsync<AcknowledgeReceiptCommand>("sen.ca", r9, Day(2025, 3, 5), new { requestedSideReference = "SEN/CA/2025/009" });
        ids["R9"] = r9.Id;

        SetClock(Day(2026, 2, 1));
        ids["draft"] = (await SendAsAsync("mli.ca", Command<CreateDraftCommand>(MlaDraft("SEN")))).Id;

        Factory.Clock.Reset();
        return ids;
    }

    /// <summary>The report over HTTP, asserting 200.</summary>
    protected static async Task<HttpResponseMessage> GetReportAsync(HttpClient client, string query)
    {
        var response = await client.GetAsync($"/api/reports/plenary?{query}");
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK), await response.Content.ReadAsStringAsync());
        return response;
    }

    protected static async Task<PlenaryReportDto> GetJsonReportAsync(HttpClient client, string query) =>
        (await (await GetReportAsync(client, query)).Content.ReadFromJsonAsync<PlenaryReportDto>(Json))!;

    protected static DateOnly Day(int year, int month, int day) => new(year, month, day);

    /// <summary>A complete urgent provisional arrest request.</summary>
    protected static Dictionary<string, object?> ProvisionalArrestDraft(string requestedState) => new()
    {
        ["kind"] = "provisional-arrest",
        ["requestedState"] = requestedState,
        ["legalBases"] = new[] { "ecowas-extradition-1994" },
        ["subject"] = "Provisional arrest with a view to extradition",
        ["facts"] = "The person sought is about to leave the requested State.",
        ["offences"] = new[] { new { category = "kidnapping-for-ransom", description = "Kidnapping", legalProvision = "Art. 1", maxPenalty = "Life" } },
        ["persons"] = new[] { new { role = "person-sought", fullName = "Test Person Three", nationality = "SEN", dateOfBirth = "1985-11-20", location = "Bamako" } },
        ["warrant"] = new { issuingAuthority = "Investigating judge, Dakar", date = "2026-02-20", reference = "MA-2026-777" },
        ["urgency"] = "urgent",
        ["urgencyReason"] = "The person is about to leave.",
        ["timeLimit"] = "2026-03-15",
        ["extraditionWillBeRequested"] = true,
        ["legalProvisionsText"] = "Art. 1: kidnapping for ransom is punished by life imprisonment.",
        ["language"] = "fr",
    };

    private static Dictionary<string, object?> RegisteredFromBurkina(DateOnly sent) => new()
    {
        ["kind"] = "mla",
        ["requestingState"] = "BFA",
        ["transmittedOn"] = sent,
        ["channel"] = "diplomatic",
        ["requestingStateReference"] = "BFA/MJ/2026/0042",
        ["requestedSideReference"] = "SEN/CA/2026/0311",
        ["legalBases"] = new[] { "ecowas-mla-1992" },
        ["subject"] = "Hearing of a witness",
        ["facts"] = "A network moves migrants.",
        ["offences"] = new[] { new { category = "migrant-smuggling", description = "Smuggling of migrants", legalProvision = "Art. 5", maxPenalty = "10 years" } },
        ["assistance"] = new[] { new { type = "taking-evidence", description = "Hearing of the bus driver" } },
        ["purpose"] = "Establish how the network works",
        ["language"] = "fr",
    };

    /// <summary>Registers a request received on <paramref name="day"/> outside Mla.</summary>
    protected Task<RequestDto> RegisterIncomingAsync(string username, object body, DateOnly day) =>
        SendAsAsync(username, At<RegisterIncomingRequestCommand>(day, body));

    /// <summary>Creates a draft and transmits it, both on <paramref name="day"/>.</summary>
    protected async Task<RequestDto> DraftAndTransmitAsync(string username, object body, DateOnly day, string language = "fr")
    {
        SetClock(day);
        var draft = await SendAsAsync(username, Command<CreateDraftCommand>(body));
        return await StepAsync<TransmitRequestCommand>(username, draft, day, new { channel = "central-authority", language });
    }

    /// <summary>A lifecycle step made by <paramref name="username"/> on <paramref name="day"/>, the clock set to that day.</summary>
    protected async Task<RequestDto> StepAsync<TCommand>(string username, RequestDto request, DateOnly day, object body)
        where TCommand : TransitionCommand, ICommand<RequestDto>
    {
        var command = At<TCommand>(day, body).For<TCommand>(request.Id, request.Version, null);
        return await SendAsAsync(username, command);
    }

    private TCommand At<TCommand>(DateOnly day, object body)
    {
        SetClock(day);
        var fields = JsonSerializer.SerializeToNode(body, Json)!.AsObject();
        fields["occurredOn"] = day.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture);
        return JsonSerializer.Deserialize<TCommand>(fields.ToJsonString(), ApiJson)!;
    }

    private TCommand Command<TCommand>(object body) => JsonSerializer.Deserialize<TCommand>(JsonSerializer.Serialize(body, Json), ApiJson)!;

    /// <summary>Noon UTC on <paramref name="day"/>: the same date in every State of the set (UTC and UTC+1).</summary>
    protected void SetClock(DateOnly day)
    {
        var target = new DateTimeOffset(day.ToDateTime(new TimeOnly(12, 0)), TimeSpan.Zero);
        Factory.Clock.Advance(target - Factory.Clock.GetUtcNow());
    }

    // Sends a command as a user, the way a request signed in by that user would (RequestDatesTests does the same).
    private async Task<TResponse> SendAsAsync<TResponse>(string username, ICommand<TResponse> command)
    {
        var user = await EnsureUserAsync(username);
        await using var scope = Services.CreateAsyncScope();
        var accessor = scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>();
        var identity = new ClaimsIdentity(
            [new Claim(MlaClaims.UserId, user.Id.ToString()), new Claim(MlaClaims.Username, username), new Claim(MlaClaims.Role, user.Role), new Claim(MlaClaims.State, user.State ?? "")],
            authenticationType: "test", MlaClaims.Name, MlaClaims.Role);
        accessor.HttpContext = new DefaultHttpContext { User = new ClaimsPrincipal(identity), RequestServices = scope.ServiceProvider };
        try
        {
            return await scope.ServiceProvider.GetRequiredService<ISender>().Send(command);
        }
        finally
        {
            accessor.HttpContext = null;
        }
    }
}
