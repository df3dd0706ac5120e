using System.Net;
using Mla.Api.Features.Requests;
using Mla.Api.Infrastructure.Data;
using Mla.Domain;
using Mla.Domain.Lifecycle;

namespace Mla.Api.Tests.Features.Requests;

/// <summary>
/// Every step a user may not take now, on a request in each status, is refused over HTTP (403 for a role
/// that never may, 409 for a step not allowed now, 404 for a request the user cannot see) and changes nothing.
/// </summary>
public sealed class ForbiddenTransitionsTests(DatabaseEngine engine) : RequestTest(engine)
{
    private static readonly string[] CaseWorkers = ["mli.ca", "mli.fp", "mli.pros", "sen.ca", "sen.fp", "sen.pros"];

    [TestCase("draft")]
    [TestCase("transmitted")]
    [TestCase("received")]
    [TestCase("in-execution")]
    [TestCase("awaiting-information")]
    [TestCase("postponed")]
    [TestCase("refused")]
    public async Task Transitions_NotInTheCallersAllowedActions_AreRefusedAndChangeNothing(string status)
    {
        var request = await ReachAsync(status);
        Assert.That(request.Status.ToCode(), Is.EqualTo(status));

        foreach (var username in CaseWorkers)
        {
            using var client = await CreateClientAsAsync(username);
            var seen = await client.GetAsync($"/api/requests/{request.Id}");
            var allowed = seen.StatusCode == HttpStatusCode.OK ? (await ReadRequestAsync(seen)).AllowedActions : [];
            foreach (var (action, (path, body)) in Steps())
            {
                if (allowed.Contains(action))
                {
                    continue;
                }

                var response = await PostStepAsync(client, request.Id, path, body, request.Version);
                Assert.That(response.StatusCode, Is.AnyOf(HttpStatusCode.Forbidden, HttpStatusCode.Conflict, HttpStatusCode.NotFound),
                    $"{username} {action.ToCode()} on {status}: {await response.Content.ReadAsStringAsync()}");
            }
        }

        using var owner = await CreateClientAsAsync("mli.ca");
        Assert.That((await GetRequestAsync(owner, request.Id)).Version, Is.EqualTo(request.Version));
    }

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
