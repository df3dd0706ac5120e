using System.Net;
using Mla.Api.Infrastructure.Data;

namespace Mla.Api.Tests.Features.Requests;

public sealed class StartExecutionTests(DatabaseEngine engine) : RequestTest(engine)
{
    [Test]
    public async Task StartExecution_BeforeReceipt_Returns409()
    {
        var (_, transmitted) = await TransmittedMlaAsync();
        using var senegal = await CreateClientAsAsync("sen.ca");

        var response = await PostStepAsync(senegal, transmitted.Id, "execution", new { occurredOn = TodayText, executingAuthority = "Court" }, transmitted.Version);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task StartExecution_WithoutExecutingAuthority_Returns400()
    {
        var (senegal, received) = await ReceivedMlaAsync();

        var response = await PostStepAsync(senegal, received.Id, "execution", new { occurredOn = TodayText }, received.Version);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }
}
