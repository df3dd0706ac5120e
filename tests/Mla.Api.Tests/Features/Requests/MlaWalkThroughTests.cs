using System.Net;
using System.Net.Http.Json;
using Mla.Api.Features.Requests;
using Mla.Api.Infrastructure.Data;
using Mla.Domain.Lifecycle;
using Mla.Domain.Requests;

namespace Mla.Api.Tests.Features.Requests;

/// <summary>The whole life of an MLA request, from draft to partial execution, on both sides.</summary>
public sealed class MlaWalkThroughTests(DatabaseEngine engine) : RequestTest(engine)
{
    [Test]
    public async Task MlaRequest_DraftToPartialExecution_EveryStepRecordedAndVerified()
    {
        var mali = await CreateClientAsAsync("mli.ca");
        var senegalCa = await CreateClientAsAsync("sen.ca");
        var senegalFp = await CreateClientAsAsync("sen.fp");
        var maliProsecutor = await CreateClientAsAsync("mli.pros");

        var created = await mali.PostAsJsonAsync("/api/requests", MlaDraft(), Json);
        Assert.That(created.StatusCode, Is.EqualTo(HttpStatusCode.Created), await created.Content.ReadAsStringAsync());
        var draft = await ReadRequestAsync(created);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(created.Headers.Location?.ToString(), Is.EqualTo($"/api/requests/{draft.Id}"));
            Assert.That(ETagOf(created), Is.EqualTo("\"1\""));
            Assert.That(draft.Status, Is.EqualTo(RequestStatus.Draft));
            Assert.That(draft.ReferenceNumber, Is.Null);
            Assert.That(draft.RequestingState, Is.EqualTo("MLI"));
            Assert.That(draft.Direction, Is.EqualTo(RequestDirection.Outgoing));
            Assert.That(draft.AllowedActions, Is.EqualTo(new[] { RequestAction.UpdateDraft, RequestAction.DiscardDraft, RequestAction.Transmit, RequestAction.AddAnnex }));
            Assert.That(draft.Content.Persons.Single().FullName, Is.EqualTo("Test Person One"));
            Assert.That(draft.Content.Assistance, Has.Count.EqualTo(2));
        }

        Assert.That((await senegalCa.GetAsync($"/api/requests/{draft.Id}")).StatusCode, Is.EqualTo(HttpStatusCode.NotFound), "a draft is not visible to the requested State");

        var transmitted = await StepAsync(mali, draft, "transmit", new { occurredOn = TodayText, channel = "central-authority", language = "fr", note = "Sent by secure e-mail." });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(transmitted.Status, Is.EqualTo(RequestStatus.Transmitted));
            Assert.That(transmitted.ReferenceNumber, Is.EqualTo($"MLI/MLA/{Today.Year}/0001"));
            Assert.That(transmitted.TransmissionChannel, Is.EqualTo(TransmissionChannel.CentralAuthority));
            Assert.That(transmitted.TransmittedOn, Is.EqualTo(Today));
            Assert.That(transmitted.Version, Is.EqualTo(2));
        }

        var seen = await GetRequestAsync(senegalFp, draft.Id);
        Assert.That(seen.Direction, Is.EqualTo(RequestDirection.Incoming));
        Assert.That(seen.AllowedActions, Is.EqualTo(new[] { RequestAction.AcknowledgeReceipt, RequestAction.AddAnnex, RequestAction.AddNote }));

        var received = await StepAsync(senegalFp, seen, "receipt", new { occurredOn = TodayText, requestedSideReference = "SEN/CA/2025/117" });
        Assert.That(received.Status, Is.EqualTo(RequestStatus.Received));
        Assert.That(received.RequestedSideReference, Is.EqualTo("SEN/CA/2025/117"));

        var executing = await StepAsync(senegalFp, received, "execution", new { occurredOn = TodayText, executingAuthority = "Financial crimes unit, Dakar" });
        Assert.That(executing.Status, Is.EqualTo(RequestStatus.InExecution));

        var awaiting = await StepAsync(senegalCa, executing, "information-requests", new { occurredOn = TodayText, informationNeeded = "Account numbers", respondBy = Today.AddDays(30).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        Assert.That(awaiting.Status, Is.EqualTo(RequestStatus.AwaitingInformation));
        Assert.That((await GetRequestAsync(mali, draft.Id)).AllowedActions, Does.Contain(RequestAction.ProvideInformation));

        var resumed = await StepAsync(mali, awaiting, "information-responses", new { occurredOn = TodayText, informationProvided = "The account numbers are in annex 2." });
        Assert.That(resumed.Status, Is.EqualTo(RequestStatus.InExecution));

        var done = await StepAsync(senegalFp, resumed, "execution-result", new
        {
            occurredOn = TodayText,
            outcomes = new[]
            {
                new { outcome = "executed", note = "Statements sent" },
                new { outcome = "not-executed", note = "The manager has left the country" },
            },
        });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(done.Status, Is.EqualTo(RequestStatus.PartiallyExecuted));
            Assert.That(done.ClosedOn, Is.EqualTo(Today));
            Assert.That(done.ExecutionOutcomes.Select(o => (o.Item, o.Outcome)), Is.EqualTo(new[] { (0, ExecutionOutcome.Executed), (1, ExecutionOutcome.NotExecuted) }));
            Assert.That(done.Version, Is.EqualTo(7));
        }

        var asProsecutor = await GetRequestAsync(maliProsecutor, draft.Id);
        Assert.That(asProsecutor.AllowedActions, Is.EqualTo(new[] { RequestAction.AddNote }), "a final request takes notes only");

        var timeline = await GetTimelineAsync(senegalCa, draft.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(timeline.Select(e => e.Action), Is.EqualTo(new[]
            {
                "create-draft", "transmit", "acknowledge-receipt", "start-execution", "ask-information", "provide-information", "record-execution",
            }));
            Assert.That(timeline.Select(e => e.ToStatus), Is.EqualTo(new[]
            {
                "draft", "transmitted", "received", "in-execution", "awaiting-information", "in-execution", "partially-executed",
            }));
            Assert.That(timeline.All(e => e.Verified), Is.True);
            Assert.That(timeline[1].Note, Is.EqualTo("Sent by secure e-mail."));
            Assert.That(timeline[1].Details?.GetProperty("channel").GetString(), Is.EqualTo("central-authority"));
            Assert.That(timeline[2].Actor.Role, Is.EqualTo("focal-point"));
            Assert.That(timeline[2].Actor.State, Is.EqualTo("SEN"));
            Assert.That(timeline[2].FromStatus, Is.EqualTo("transmitted"));
            Assert.That(timeline.Select(e => e.SequenceNumber), Is.EqualTo(Enumerable.Range(1, 7)));
        }
    }
}
