using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Mla.Api.Features.Requests;
using Mla.Api.Infrastructure.Data;
using Mla.Domain;
using Mla.Domain.Lifecycle;

namespace Mla.Api.Tests.Features.Requests;

/// <summary>
/// What each user gets for each step on an MLA request from Mali to Senegal in each status, over HTTP:
/// the exact status and problem the hand-written matrix below says, the allowed actions it says, and
/// nothing changed by a refused step.
/// </summary>
public sealed class ForbiddenTransitionsTests(DatabaseEngine engine) : RequestTest(engine)
{
    // Written by hand from the agreed lifecycle (who may do what, in which status), never read from the code
    // under test.
    // Columns after status and action: one per user (Mali is the requesting State, Senegal the requested
    // one, Niger a third State).
    //   ok  = allowed now: listed in the user's allowedActions, not tried (it would change the request);
    //   403 = the user's role, on the user's side, may never do this step;
    //   409 = the step exists for this role and side, but not in this status or for this kind of request;
    //   404 = the user cannot see the request (a third State, or the requested side while it is a draft).
    // add-annex is checked in allowedActions only: an annex is uploaded, not posted as a lifecycle step.
    private const string Matrix = """
        status                action                       mli.ca    mli.fp    mli.pros  sen.ca    sen.fp    sen.pros  ner.ca
        draft                 update-draft                 ok        403       403       404       404       404       404
        draft                 discard-draft                ok        403       403       404       404       404       404
        draft                 transmit                     ok        403       403       404       404       404       404
        draft                 acknowledge-receipt          403       403       403       404       404       404       404
        draft                 start-execution              403       403       403       404       404       404       404
        draft                 ask-information              403       403       403       404       404       404       404
        draft                 provide-information          409       403       403       404       404       404       404
        draft                 postpone                     403       403       403       404       404       404       404
        draft                 record-execution             403       403       403       404       404       404       404
        draft                 refuse                       403       403       403       404       404       404       404
        draft                 withdraw                     409       403       403       404       404       404       404
        draft                 record-provisional-arrest    403       403       403       404       404       404       404
        draft                 record-extradition-decision  403       403       403       404       404       404       404
        draft                 record-surrender             403       403       403       404       404       404       404
        draft                 add-annex                    ok        409       403       404       404       404       404
        draft                 add-note                     409       409       409       404       404       404       404
        transmitted           update-draft                 409       403       403       403       403       403       404
        transmitted           discard-draft                409       403       403       403       403       403       404
        transmitted           transmit                     409       403       403       403       403       403       404
        transmitted           acknowledge-receipt          403       403       403       ok        ok        403       404
        transmitted           start-execution              403       403       403       409       409       403       404
        transmitted           ask-information              403       403       403       409       409       403       404
        transmitted           provide-information          409       403       403       403       403       403       404
        transmitted           postpone                     403       403       403       409       403       403       404
        transmitted           record-execution             403       403       403       409       409       403       404
        transmitted           refuse                       403       403       403       409       403       403       404
        transmitted           withdraw                     ok        403       403       403       403       403       404
        transmitted           record-provisional-arrest    403       403       403       409       409       403       404
        transmitted           record-extradition-decision  403       403       403       409       403       403       404
        transmitted           record-surrender             403       403       403       409       409       403       404
        transmitted           add-annex                    ok        ok        403       ok        ok        403       404
        transmitted           add-note                     ok        ok        ok        ok        ok        ok        404
        received              update-draft                 409       403       403       403       403       403       404
        received              discard-draft                409       403       403       403       403       403       404
        received              transmit                     409       403       403       403       403       403       404
        received              acknowledge-receipt          403       403       403       409       409       403       404
        received              start-execution              403       403       403       ok        ok        403       404
        received              ask-information              403       403       403       ok        ok        403       404
        received              provide-information          409       403       403       403       403       403       404
        received              postpone                     403       403       403       ok        403       403       404
        received              record-execution             403       403       403       409       409       403       404
        received              refuse                       403       403       403       ok        403       403       404
        received              withdraw                     ok        403       403       403       403       403       404
        received              record-provisional-arrest    403       403       403       409       409       403       404
        received              record-extradition-decision  403       403       403       409       403       403       404
        received              record-surrender             403       403       403       409       409       403       404
        received              add-annex                    ok        ok        403       ok        ok        403       404
        received              add-note                     ok        ok        ok        ok        ok        ok        404
        in-execution          update-draft                 409       403       403       403       403       403       404
        in-execution          discard-draft                409       403       403       403       403       403       404
        in-execution          transmit                     409       403       403       403       403       403       404
        in-execution          acknowledge-receipt          403       403       403       409       409       403       404
        in-execution          start-execution              403       403       403       409       409       403       404
        in-execution          ask-information              403       403       403       ok        ok        403       404
        in-execution          provide-information          409       403       403       403       403       403       404
        in-execution          postpone                     403       403       403       ok        403       403       404
        in-execution          record-execution             403       403       403       ok        ok        403       404
        in-execution          refuse                       403       403       403       ok        403       403       404
        in-execution          withdraw                     ok        403       403       403       403       403       404
        in-execution          record-provisional-arrest    403       403       403       409       409       403       404
        in-execution          record-extradition-decision  403       403       403       409       403       403       404
        in-execution          record-surrender             403       403       403       409       409       403       404
        in-execution          add-annex                    ok        ok        403       ok        ok        403       404
        in-execution          add-note                     ok        ok        ok        ok        ok        ok        404
        awaiting-information  update-draft                 409       403       403       403       403       403       404
        awaiting-information  discard-draft                409       403       403       403       403       403       404
        awaiting-information  transmit                     409       403       403       403       403       403       404
        awaiting-information  acknowledge-receipt          403       403       403       409       409       403       404
        awaiting-information  start-execution              403       403       403       409       409       403       404
        awaiting-information  ask-information              403       403       403       409       409       403       404
        awaiting-information  provide-information          ok        403       403       403       403       403       404
        awaiting-information  postpone                     403       403       403       409       403       403       404
        awaiting-information  record-execution             403       403       403       409       409       403       404
        awaiting-information  refuse                       403       403       403       ok        403       403       404
        awaiting-information  withdraw                     ok        403       403       403       403       403       404
        awaiting-information  record-provisional-arrest    403       403       403       409       409       403       404
        awaiting-information  record-extradition-decision  403       403       403       409       403       403       404
        awaiting-information  record-surrender             403       403       403       409       409       403       404
        awaiting-information  add-annex                    ok        ok        403       ok        ok        403       404
        awaiting-information  add-note                     ok        ok        ok        ok        ok        ok        404
        postponed             update-draft                 409       403       403       403       403       403       404
        postponed             discard-draft                409       403       403       403       403       403       404
        postponed             transmit                     409       403       403       403       403       403       404
        postponed             acknowledge-receipt          403       403       403       409       409       403       404
        postponed             start-execution              403       403       403       ok        ok        403       404
        postponed             ask-information              403       403       403       409       409       403       404
        postponed             provide-information          409       403       403       403       403       403       404
        postponed             postpone                     403       403       403       409       403       403       404
        postponed             record-execution             403       403       403       409       409       403       404
        postponed             refuse                       403       403       403       ok        403       403       404
        postponed             withdraw                     ok        403       403       403       403       403       404
        postponed             record-provisional-arrest    403       403       403       409       409       403       404
        postponed             record-extradition-decision  403       403       403       409       403       403       404
        postponed             record-surrender             403       403       403       409       409       403       404
        postponed             add-annex                    ok        ok        403       ok        ok        403       404
        postponed             add-note                     ok        ok        ok        ok        ok        ok        404
        refused               update-draft                 409       403       403       403       403       403       404
        refused               discard-draft                409       403       403       403       403       403       404
        refused               transmit                     409       403       403       403       403       403       404
        refused               acknowledge-receipt          403       403       403       409       409       403       404
        refused               start-execution              403       403       403       409       409       403       404
        refused               ask-information              403       403       403       409       409       403       404
        refused               provide-information          409       403       403       403       403       403       404
        refused               postpone                     403       403       403       409       403       403       404
        refused               record-execution             403       403       403       409       409       403       404
        refused               refuse                       403       403       403       409       403       403       404
        refused               withdraw                     409       403       403       403       403       403       404
        refused               record-provisional-arrest    403       403       403       409       409       403       404
        refused               record-extradition-decision  403       403       403       409       403       403       404
        refused               record-surrender             403       403       403       409       409       403       404
        refused               add-annex                    409       409       403       409       409       403       404
        refused               add-note                     ok        ok        ok        ok        ok        ok        404
        """;

    private sealed record Cell(string Status, RequestAction Action, string User, string Expected);

    private static readonly IReadOnlyList<string> Users = ParseUsers();

    private static readonly IReadOnlyList<Cell> Cells = ParseCells();

    private static string[] ParseUsers() =>
        Matrix.Split('\n', StringSplitOptions.TrimEntries)[0].Split(' ', StringSplitOptions.RemoveEmptyEntries)[2..];

    private static List<Cell> ParseCells() =>
    [
        .. from line in Matrix.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Skip(1)
           let columns = line.Split(' ', StringSplitOptions.RemoveEmptyEntries)
           from user in Users.Select((name, index) => (name, index))
           select new Cell(columns[0], KebabCode.Parse<RequestAction>(columns[1]), user.name, columns[2 + user.index]),
    ];

    [TestCase("draft")]
    [TestCase("transmitted")]
    [TestCase("received")]
    [TestCase("in-execution")]
    [TestCase("awaiting-information")]
    [TestCase("postponed")]
    [TestCase("refused")]
    public async Task Steps_EveryUserOnARequestInThisStatus_AnswerAsTheMatrixSaysAndChangeNothing(string status)
    {
        var request = await ReachAsync(status);
        Assert.That(request.Status.ToCode(), Is.EqualTo(status));
        var eventsBefore = await CountAsync("request_events");
        var mismatches = new List<string>();

        foreach (var user in Users)
        {
            var cells = Cells.Where(c => c.Status == status && c.User == user).ToList();
            Assert.That(cells.Select(c => c.Action), Is.EquivalentTo(Enum.GetValues<RequestAction>().Except([RequestAction.CreateDraft, RequestAction.RegisterIncoming])), $"a line per step on an existing request, for {status}");
            var allowedNow = cells.Where(c => c.Expected == "ok").Select(c => c.Action).Order().ToList();
            var visible = cells.Exists(c => c.Expected != "404");
            using var client = await CreateClientAsAsync(user);

            var seen = await client.GetAsync($"/api/requests/{request.Id}");
            var expectedSeen = visible ? $"200, allowed now [{Codes(allowedNow)}]" : NotFound;
            var actualSeen = seen.StatusCode == HttpStatusCode.OK
                ? $"200, allowed now [{Codes((await ReadRequestAsync(seen)).AllowedActions)}]"
                : await DescribeAsync(seen);
            if (actualSeen != expectedSeen)
            {
                mismatches.Add($"{user} reads the {status} request: expected {expectedSeen}, got {actualSeen}");
            }

            foreach (var cell in cells.Where(c => c.Expected != "ok" && c.Action != RequestAction.AddAnnex))
            {
                var expected = cell.Expected switch
                {
                    "403" => Forbidden,
                    "404" => NotFound,
                    "409" => $"409 Conflict ({ConflictType}), allowed now [{Codes(allowedNow)}]",
                    _ => throw new InvalidOperationException($"Unknown expectation {cell.Expected} in the matrix."),
                };
                var actual = await DescribeAsync(await SendAsync(client, cell.Action, request));
                if (actual != expected)
                {
                    mismatches.Add($"{user} {cell.Action.ToCode()} on {status}: expected {expected}, got {actual}");
                }
            }
        }

        using var owner = await CreateClientAsAsync("mli.ca");
        var after = await GetRequestAsync(owner, request.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(mismatches, Is.Empty, () => $"Answers that differ from the matrix ({mismatches.Count}):{System.Environment.NewLine}{string.Join(System.Environment.NewLine, mismatches)}");
            Assert.That((after.Version, after.Status.ToCode()), Is.EqualTo((request.Version, status)), "version and status after the refused steps");
            Assert.That(await CountAsync("request_events"), Is.EqualTo(eventsBefore), "events after the refused steps");
        }
    }

    // The problem types are those of RFC 9110 that ASP.NET Core's problem details name for each status.
    private const string ForbiddenType = "https://tools.ietf.org/html/rfc9110#section-15.5.4";

    private const string NotFoundType = "https://tools.ietf.org/html/rfc9110#section-15.5.5";

    private const string ConflictType = "https://tools.ietf.org/html/rfc9110#section-15.5.10";

    private const string Forbidden = $"403 Forbidden ({ForbiddenType})";

    private const string NotFound = $"404 Not found ({NotFoundType})";

    private static string Codes(IEnumerable<RequestAction> actions) => string.Join(", ", actions.Select(a => a.ToCode()));

    // Status, title and type of a problem; for a conflict, the allowed actions it lists too.
    private static async Task<string> DescribeAsync(HttpResponseMessage response)
    {
        var body = await response.Content.ReadAsStringAsync();
        if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
        {
            return $"{(int)response.StatusCode} without a problem: {body}";
        }

        var problem = JsonDocument.Parse(body).RootElement;
        var described = $"{(int)response.StatusCode} {Text(problem, "title")} ({Text(problem, "type")})";
        return problem.TryGetProperty("allowedActions", out var allowed)
            ? $"{described}, allowed now [{string.Join(", ", allowed.EnumerateArray().Select(a => a.GetString()))}]"
            : described;
    }

    private static string? Text(JsonElement problem, string name) => problem.TryGetProperty(name, out var value) ? value.GetString() : null;

    private async Task<RequestDto> ReachAsync(string status)
    {
        if (status == "draft")
        {
            return await CreateDraftAsync(await CreateClientAsAsync("mli.ca"));
        }

        if (status == "transmitted")
        {
            return (await TransmittedMlaAsync()).Request;
        }

        var (senegal, received) = await ReceivedMlaAsync();
        return status switch
        {
            "received" => received,
            "in-execution" => await StepAsync(senegal, received, "execution", new { occurredOn = TodayText, executingAuthority = "Court" }),
            "awaiting-information" => await StepAsync(senegal, received, "information-requests", new { occurredOn = TodayText, informationNeeded = "More" }),
            "postponed" => await StepAsync(senegal, received, "postponement", new { occurredOn = TodayText, reason = "Domestic case" }),
            "refused" => await StepAsync(senegal, received, "refusal", new { occurredOn = TodayText, grounds = new[] { "other" }, reasons = "No." }),
            _ => throw new ArgumentOutOfRangeException(nameof(status)),
        };
    }

    // A valid body for every step, so that what answers is the lifecycle, not validation. The draft body
    // names Benin, a State no test user belongs to, as the requested State.
    private Task<HttpResponseMessage> SendAsync(HttpClient client, RequestAction action, RequestDto request)
    {
        switch (action)
        {
            case RequestAction.UpdateDraft:
                return PutDraftAsync(client, request.Id, MlaDraft("BEN"), request.Version);
            case RequestAction.DiscardDraft:
                var delete = new HttpRequestMessage(HttpMethod.Delete, $"/api/requests/{request.Id}");
                delete.Headers.IfMatch.Add(new EntityTagHeaderValue($"\"{request.Version}\""));
                return client.SendAsync(delete);
            default:
                var (path, body) = Steps()[action];
                return PostStepAsync(client, request.Id, path, body, request.Version);
        }
    }

    private Dictionary<RequestAction, (string Path, object Body)> Steps() => new()
    {
        [RequestAction.Transmit] = ("transmit", new { occurredOn = TodayText, channel = "central-authority", language = "fr" }),
        [RequestAction.AcknowledgeReceipt] = ("receipt", new { occurredOn = TodayText, requestedSideReference = "R" }),
        [RequestAction.StartExecution] = ("execution", new { occurredOn = TodayText, executingAuthority = "Court" }),
        [RequestAction.AskInformation] = ("information-requests", new { occurredOn = TodayText, informationNeeded = "More" }),
        [RequestAction.ProvideInformation] = ("information-responses", new { occurredOn = TodayText, informationProvided = "Here" }),
        [RequestAction.Postpone] = ("postponement", new { occurredOn = TodayText, reason = "Domestic case" }),
        [RequestAction.RecordExecution] = ("execution-result", new
        {
            occurredOn = TodayText,
            outcomes = new[] { new { outcome = "executed", note = "Done" }, new { outcome = "executed", note = "Done" } },
        }),
        [RequestAction.Refuse] = ("refusal", new { occurredOn = TodayText, grounds = new[] { "other" }, reasons = "No." }),
        [RequestAction.Withdraw] = ("withdrawal", new { occurredOn = TodayText, reason = "Not needed" }),
        [RequestAction.RecordProvisionalArrest] = ("provisional-arrest", new { occurredOn = TodayText }),
        [RequestAction.RecordExtraditionDecision] = ("extradition-decision", new { occurredOn = TodayText, decision = "granted" }),
        [RequestAction.RecordSurrender] = ("surrender", new { occurredOn = TodayText }),
        [RequestAction.AddNote] = ("notes", new { note = "A note" }),
    };
}
