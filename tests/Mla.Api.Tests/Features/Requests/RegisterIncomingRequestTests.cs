using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mla.Api.Features.Requests;
using Mla.Api.Infrastructure.Data;
using Mla.Domain.Lifecycle;
using Mla.Domain.Requests;

namespace Mla.Api.Tests.Features.Requests;

public sealed class RegisterIncomingRequestTests(DatabaseEngine engine) : RequestTest(engine)
{
    private Dictionary<string, object?> Incoming(string requestingState)
    {
        var body = MlaDraft();
        body.Remove("requestedState");
        body["requestingState"] = requestingState;
        body["occurredOn"] = TodayText;
        body["channel"] = "diplomatic";
        body["requestingStateReference"] = "PARQUET-PARIS-2025-4411";
        body["requestedSideReference"] = "MLI/CA/IN/2025/9";
        return body;
    }

    [Test]
    public async Task RegisterIncoming_FromStateOutsideTheNetworks_StartsReceivedNumberedInTheRegisteringStatesIncomingRegister()
    {
        using var mali = await CreateClientAsAsync("mli.ca");

        var response = await mali.PostAsJsonAsync("/api/requests/incoming", Incoming("FRA"), Json);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created), await response.Content.ReadAsStringAsync());
        var request = await ReadRequestAsync(response);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(request.Status, Is.EqualTo(RequestStatus.Received));
            Assert.That(request.RequestingState, Is.EqualTo("FRA"));
            Assert.That(request.Content.RequestedState, Is.EqualTo("MLI"));
            Assert.That(request.Direction, Is.EqualTo(RequestDirection.Incoming));
            Assert.That(request.ReferenceNumber, Is.EqualTo($"MLI/IN/MLA/{Today.Year}/0001"));
            Assert.That(request.Origin, Is.EqualTo(RequestOrigin.Registered));
            Assert.That(request.RequestingStateReference, Is.EqualTo("PARQUET-PARIS-2025-4411"));
            Assert.That(request.RegisteredBy?.State, Is.EqualTo("MLI"));
            Assert.That(request.ReceivedOn, Is.EqualTo(Today));
            Assert.That(request.RequestedSideReference, Is.EqualTo("MLI/CA/IN/2025/9"));
            Assert.That(request.AllowedActions, Does.Contain(RequestAction.StartExecution).And.Contain(RequestAction.Refuse));
            Assert.That(ETagOf(response), Is.EqualTo("\"1\""));
        }

        var timeline = await GetTimelineAsync(mali, request.Id);
        Assert.That(timeline.Single().Action, Is.EqualTo("register-incoming"));
        Assert.That(timeline.Single().Details?.GetProperty("requestingStateReference").GetString(), Is.EqualTo("PARQUET-PARIS-2025-4411"));
    }

    [Test]
    public async Task RegisterIncoming_FromAStateInMla_TheRequestingStateSeesWhoRegisteredItAndMayOnlyAddNotes()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        using var senegal = await CreateClientAsAsync("sen.ca");

        var request = await ReadRequestAsync(await mali.PostAsJsonAsync("/api/requests/incoming", Incoming("SEN"), Json));

        var seen = await GetRequestAsync(senegal, request.Id);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(seen.Direction, Is.EqualTo(RequestDirection.Outgoing));
            Assert.That(seen.Origin, Is.EqualTo(RequestOrigin.Registered));
            Assert.That(seen.RegisteredBy, Is.EqualTo(new RegistrationDto("MLI", request.RegisteredBy!.UserId, "Test user mli.ca")));
            Assert.That(seen.ReferenceNumber, Is.EqualTo($"MLI/IN/MLA/{Today.Year}/0001"));
            Assert.That(seen.RequestingStateReference, Is.EqualTo("PARQUET-PARIS-2025-4411"));
            Assert.That(seen.AllowedActions, Is.EqualTo(new[] { RequestAction.AddNote }));
        }

        var registration = (await GetTimelineAsync(senegal, request.Id)).Single();
        Assert.That((registration.Action, registration.Actor.State, registration.Actor.Name), Is.EqualTo(("register-incoming", "MLI", "Test user mli.ca")));
    }

    [Test]
    public async Task RegisterIncoming_BySenegalFromMali_TakesNothingFromMalisRegister()
    {
        using var senegal = await CreateClientAsAsync("sen.ca");
        using var mali = await CreateClientAsAsync("mli.ca");

        var first = await ReadRequestAsync(await senegal.PostAsJsonAsync("/api/requests/incoming", Incoming("MLI"), Json));
        var second = await ReadRequestAsync(await senegal.PostAsJsonAsync("/api/requests/incoming", Incoming("MLI"), Json));
        var malisOwn = await StepAsync(mali, await CreateDraftAsync(mali), "transmit", new { occurredOn = TodayText, channel = "diplomatic", language = "fr" });
        var senegalsOwn = await StepAsync(senegal, await CreateDraftAsync(senegal, MlaDraft("MLI")), "transmit", new { occurredOn = TodayText, channel = "diplomatic", language = "fr" });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(first.ReferenceNumber, Is.EqualTo($"SEN/IN/MLA/{Today.Year}/0001"));
            Assert.That(second.ReferenceNumber, Is.EqualTo($"SEN/IN/MLA/{Today.Year}/0002"));
            Assert.That(malisOwn.ReferenceNumber, Is.EqualTo($"MLI/MLA/{Today.Year}/0001"), "Mali's next transmission is still its first");
            Assert.That(senegalsOwn.ReferenceNumber, Is.EqualTo($"SEN/MLA/{Today.Year}/0001"), "Senegal's outgoing register is another sequence");
        }
    }

    [Test]
    public async Task Withdraw_RegisteredRequestByTheRequestingState_Returns403AndNothingChanges()
    {
        using var senegal = await CreateClientAsAsync("sen.ca");
        using var mali = await CreateClientAsAsync("mli.ca");
        var request = await ReadRequestAsync(await senegal.PostAsJsonAsync("/api/requests/incoming", Incoming("MLI"), Json));

        var response = await PostStepAsync(mali, request.Id, "withdrawal", new { occurredOn = TodayText, reason = "No longer needed" }, request.Version);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("detail").GetString(), Does.Contain("registered"));
        var after = await GetRequestAsync(senegal, request.Id);
        Assert.That((after.Status, after.Version), Is.EqualTo((RequestStatus.Received, request.Version)));
    }

    [Test]
    public async Task Upload_RegisteredRequestByTheRequestingState_Returns403()
    {
        using var senegal = await CreateClientAsAsync("sen.ca");
        using var mali = await CreateClientAsAsync("mli.ca");
        var request = await ReadRequestAsync(await senegal.PostAsJsonAsync("/api/requests/incoming", Incoming("MLI"), Json));

        var response = await Documents.GetRequestDocumentTests.UploadAsync(mali, request.Id, "complement.pdf", Documents.DocumentTestFiles.Pdf(), null, isTranslation: false);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await CountAsync("request_attachments"), Is.Zero);
    }

    [Test]
    public async Task Withdraw_RegisteredRequestByTheRegisteringCentralAuthority_RecordsTheWithdrawalThatArrivedOutsideMla()
    {
        using var senegal = await CreateClientAsAsync("sen.ca");
        var request = await ReadRequestAsync(await senegal.PostAsJsonAsync("/api/requests/incoming", Incoming("MLI"), Json));

        var withdrawn = await StepAsync(senegal, request, "withdrawal", new { occurredOn = TodayText, reason = "Letter of withdrawal from Bamako received by diplomatic bag" });

        Assert.That(withdrawn.Status, Is.EqualTo(RequestStatus.Withdrawn));
    }

    [Test]
    public async Task ProvideInformation_RegisteredRequest_RecordedByTheRequestedSideNotByTheRequestingState()
    {
        using var senegal = await CreateClientAsAsync("sen.ca");
        using var mali = await CreateClientAsAsync("mli.ca");
        var request = await ReadRequestAsync(await senegal.PostAsJsonAsync("/api/requests/incoming", Incoming("MLI"), Json));
        var awaiting = await StepAsync(senegal, request, "information-requests", new { occurredOn = TodayText, informationNeeded = "Addresses" });

        var byMali = await PostStepAsync(mali, awaiting.Id, "information-responses", new { occurredOn = TodayText, informationProvided = "Here." }, awaiting.Version);
        var bySenegal = await StepAsync(senegal, awaiting, "information-responses", new { occurredOn = TodayText, informationProvided = "Addresses received from Bamako by diplomatic bag." });

        Assert.That(byMali.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(bySenegal.Status, Is.EqualTo(RequestStatus.InExecution));
    }

    [TestCase("fra")]
    [TestCase("FRANCE")]
    [TestCase("MLI")]
    public async Task RegisterIncoming_InvalidRequestingState_Returns400(string requestingState)
    {
        using var mali = await CreateClientAsAsync("mli.ca");

        var response = await mali.PostAsJsonAsync("/api/requests/incoming", Incoming(requestingState), Json);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("requestingState", out _), Is.True);
        Assert.That(await CountAsync("requests"), Is.Zero);
    }

    [Test]
    public async Task RegisterIncoming_ByFocalPoint_Returns403()
    {
        using var focalPoint = await CreateClientAsAsync("mli.fp");

        var response = await focalPoint.PostAsJsonAsync("/api/requests/incoming", Incoming("FRA"), Json);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
