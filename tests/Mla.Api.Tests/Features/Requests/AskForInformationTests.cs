using System.Net;
using Mla.Api.Infrastructure.Data;
using Mla.Domain.Requests;

namespace Mla.Api.Tests.Features.Requests;

public sealed class AskForInformationTests(DatabaseEngine engine) : RequestTest(engine)
{
    [Test]
    public async Task AskForInformation_RespondByBeforeTheQuestion_Returns400()
    {
        var (senegal, received) = await ReceivedMlaAsync();

        var response = await PostStepAsync(senegal, received.Id, "information-requests",
            new { occurredOn = TodayText, informationNeeded = "Addresses", respondBy = Today.AddDays(-1).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) },
            received.Version);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task AskForInformation_ByFocalPoint_AwaitingInformation()
    {
        var (_, received) = await ReceivedMlaAsync();
        using var focalPoint = await CreateClientAsAsync("sen.fp");

        var awaiting = await StepAsync(focalPoint, received, "information-requests", new { occurredOn = TodayText, informationNeeded = "Addresses" });

        Assert.That(awaiting.Status, Is.EqualTo(RequestStatus.AwaitingInformation));
    }
}
