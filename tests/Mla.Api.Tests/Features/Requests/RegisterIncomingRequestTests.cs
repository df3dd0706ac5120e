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
    public async Task RegisterIncoming_FromStateOutsideTheNetworks_StartsReceivedWithItsReferenceNumber()
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
            Assert.That(request.ReferenceNumber, Is.EqualTo($"FRA/MLA/{Today.Year}/0001"));
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
    public async Task RegisterIncoming_FromAStateInMla_IsVisibleToThatState()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        using var senegal = await CreateClientAsAsync("sen.ca");

        var request = await ReadRequestAsync(await mali.PostAsJsonAsync("/api/requests/incoming", Incoming("SEN"), Json));

        var seen = await GetRequestAsync(senegal, request.Id);
        Assert.That(seen.Direction, Is.EqualTo(RequestDirection.Outgoing));
        Assert.That(seen.AllowedActions, Is.EqualTo(new[] { RequestAction.Withdraw, RequestAction.AddAnnex, RequestAction.AddNote }));
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
