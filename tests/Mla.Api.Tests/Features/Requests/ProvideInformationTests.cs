using System.Net;
using Mla.Api.Infrastructure.Data;

namespace Mla.Api.Tests.Features.Requests;

public sealed class ProvideInformationTests(DatabaseEngine engine) : RequestTest(engine)
{
    [Test]
    public async Task ProvideInformation_ByRequestedSide_Returns403()
    {
        var (senegal, received) = await ReceivedMlaAsync();
        var awaiting = await StepAsync(senegal, received, "information-requests", new { occurredOn = TodayText, informationNeeded = "Addresses" });

        var response = await PostStepAsync(senegal, awaiting.Id, "information-responses", new { occurredOn = TodayText, informationProvided = "Here." }, awaiting.Version);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task ProvideInformation_NothingAsked_Returns409()
    {
        var (mali, transmitted) = await TransmittedMlaAsync();

        var response = await PostStepAsync(mali, transmitted.Id, "information-responses", new { occurredOn = TodayText, informationProvided = "Here." }, transmitted.Version);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }
}
