using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mla.Api.Infrastructure.Data;
using Mla.Domain.Requests;

namespace Mla.Api.Tests.Features.Requests;

/// <summary>The whole life of an extradition request: provisional arrest, decision, surrender.</summary>
public sealed class ExtraditionWalkThroughTests(DatabaseEngine engine) : RequestTest(engine)
{
    [Test]
    public async Task ExtraditionRequest_ProvisionalArrestDecisionAndSurrender_Executed()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        using var nigerCa = await CreateClientAsAsync("ner.ca");
        using var nigerFp = await CreateClientAsAsync("ner.fp");

        var draft = await CreateDraftAsync(mali, ExtraditionDraft());
        var transmitted = await StepAsync(mali, draft, "transmit", new { occurredOn = TodayText, channel = "diplomatic", language = "fr" });
        Assert.That(transmitted.ReferenceNumber, Is.EqualTo($"MLI/EXT/{Today.Year}/0001"));

        var received = await StepAsync(nigerFp, transmitted, "receipt", new { occurredOn = TodayText, requestedSideReference = "NER/EXT/12" });
        var arrested = await StepAsync(nigerFp, received, "provisional-arrest", new { occurredOn = TodayText, note = "Arrested in Niamey." });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(arrested.Status, Is.EqualTo(RequestStatus.Received), "an arrest does not change the status");
            Assert.That(arrested.ProvisionalArrestOn, Is.EqualTo(Today));
        }

        var surrenderTooEarly = await PostStepAsync(nigerFp, arrested.Id, "surrender", new { occurredOn = TodayText }, arrested.Version);
        Assert.That(surrenderTooEarly.StatusCode, Is.EqualTo(HttpStatusCode.Conflict), "no surrender before a granted decision");

        var granted = await StepAsync(nigerCa, arrested, "extradition-decision", new { occurredOn = TodayText, decision = "granted" });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(granted.Status, Is.EqualTo(RequestStatus.InExecution));
            Assert.That(granted.ExtraditionDecision, Is.EqualTo(ExtraditionDecision.Granted));
        }

        var surrendered = await StepAsync(nigerFp, granted, "surrender", new { occurredOn = TodayText });
        using (Assert.EnterMultipleScope())
        {
            Assert.That(surrendered.Status, Is.EqualTo(RequestStatus.Executed));
            Assert.That(surrendered.SurrenderedOn, Is.EqualTo(Today));
            Assert.That(surrendered.ClosedOn, Is.EqualTo(Today));
        }

        var timeline = await GetTimelineAsync(mali, draft.Id);
        Assert.That(timeline.Select(e => e.Action), Is.EqualTo(new[]
        {
            "create-draft", "transmit", "acknowledge-receipt", "record-provisional-arrest", "record-extradition-decision", "record-surrender",
        }));
        Assert.That(timeline.All(e => e.Verified), Is.True);
    }

    [Test]
    public async Task ExtraditionDecision_RefusedWithoutGrounds_Returns400_WithGrounds_Refused()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        using var niger = await CreateClientAsAsync("ner.ca");
        var transmitted = await StepAsync(mali, await CreateDraftAsync(mali, ExtraditionDraft()), "transmit", new { occurredOn = TodayText, channel = "interpol", language = "fr" });
        var received = await StepAsync(niger, transmitted, "receipt", new { occurredOn = TodayText, requestedSideReference = "NER/EXT/13" });

        var withoutGrounds = await PostStepAsync(niger, received.Id, "extradition-decision", new { occurredOn = TodayText, decision = "refused" }, received.Version);
        var mlaGround = await PostStepAsync(niger, received.Id, "extradition-decision",
            new { occurredOn = TodayText, decision = "refused", grounds = new[] { "no-dual-criminality" }, reasons = "Not an offence here." }, received.Version);
        var refused = await StepAsync(niger, received, "extradition-decision",
            new { occurredOn = TodayText, decision = "refused", grounds = new[] { "nationality" }, reasons = "The person is a national of Niger." });

        Assert.That(withoutGrounds.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(mlaGround.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), "grounds of MLA do not apply to extradition");
        var errors = (await mlaGround.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.That(errors.TryGetProperty("grounds[0]", out _), Is.True);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.Status, Is.EqualTo(RequestStatus.Refused));
            Assert.That(refused.RefusalGrounds, Is.EqualTo(new[] { "nationality" }));
            Assert.That(refused.ExtraditionDecision, Is.EqualTo(ExtraditionDecision.Refused));
        }
    }

    [Test]
    public async Task RecordExecution_OnExtraditionRequest_Returns409()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        using var niger = await CreateClientAsAsync("ner.ca");
        var transmitted = await StepAsync(mali, await CreateDraftAsync(mali, ExtraditionDraft()), "transmit", new { occurredOn = TodayText, channel = "interpol", language = "fr" });
        var received = await StepAsync(niger, transmitted, "receipt", new { occurredOn = TodayText, requestedSideReference = "NER/EXT/14" });
        var executing = await StepAsync(niger, received, "execution", new { occurredOn = TodayText, executingAuthority = "Court of appeal, Niamey" });

        var response = await PostStepAsync(niger, executing.Id, "execution-result",
            new { occurredOn = TodayText, outcomes = new[] { new { outcome = "executed", note = "x" } } }, executing.Version);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }
}
