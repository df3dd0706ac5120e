using System.Net;
using Mla.Api.Infrastructure.Data;

namespace Mla.Api.Tests.Features.Requests;

public sealed class AcknowledgeReceiptTests(DatabaseEngine engine) : RequestTest(engine)
{
    [Test]
    public async Task AcknowledgeReceipt_ThirdStateUser_Returns404()
    {
        var (_, transmitted) = await TransmittedMlaAsync();
        using var niger = await CreateClientAsAsync("ner.ca");

        var response = await PostStepAsync(niger, transmitted.Id, "receipt", new { occurredOn = TodayText, requestedSideReference = "X" }, transmitted.Version);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task AcknowledgeReceipt_ByRequestingState_Returns403()
    {
        var (mali, transmitted) = await TransmittedMlaAsync();

        var response = await PostStepAsync(mali, transmitted.Id, "receipt", new { occurredOn = TodayText, requestedSideReference = "X" }, transmitted.Version);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task AcknowledgeReceipt_WithoutReference_Returns400()
    {
        var (_, transmitted) = await TransmittedMlaAsync();
        using var senegal = await CreateClientAsAsync("sen.fp");

        var response = await PostStepAsync(senegal, transmitted.Id, "receipt", new { occurredOn = TodayText }, transmitted.Version);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task AcknowledgeReceipt_ByProsecutorOfRequestedState_Returns403()
    {
        var (_, transmitted) = await TransmittedMlaAsync();
        using var prosecutor = await CreateClientAsAsync("sen.pros");

        var response = await PostStepAsync(prosecutor, transmitted.Id, "receipt", new { occurredOn = TodayText, requestedSideReference = "X" }, transmitted.Version);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
