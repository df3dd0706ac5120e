using System.Net;
using Mla.Api.Infrastructure.Data;
using Mla.Domain.Requests;

namespace Mla.Api.Tests.Features.Requests;

public sealed class PostponeExecutionTests(DatabaseEngine engine) : RequestTest(engine)
{
    [Test]
    public async Task PostponeExecution_ThenStartExecution_Resumes()
    {
        var (senegal, received) = await ReceivedMlaAsync();

        var postponed = await StepAsync(senegal, received, "postponement", new { occurredOn = TodayText, reason = "Domestic trial under way.", postponedUntil = Today.AddDays(60).ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture) });
        var resumed = await StepAsync(senegal, postponed, "execution", new { occurredOn = TodayText, executingAuthority = "Investigating judge, Dakar" });

        Assert.That(postponed.Status, Is.EqualTo(RequestStatus.Postponed));
        Assert.That(resumed.Status, Is.EqualTo(RequestStatus.InExecution));
        Assert.That(resumed.ExecutingAuthority, Is.EqualTo("Investigating judge, Dakar"));
    }

    [Test]
    public async Task PostponeExecution_ByFocalPoint_Returns403()
    {
        var (_, received) = await ReceivedMlaAsync();
        using var focalPoint = await CreateClientAsAsync("sen.fp");

        var response = await PostStepAsync(focalPoint, received.Id, "postponement", new { occurredOn = TodayText, reason = "Busy." }, received.Version);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
