using System.Net;
using Mla.Api.Infrastructure.Data;
using Mla.Domain.Requests;

namespace Mla.Api.Tests.Features.Requests;

public sealed class RefuseRequestTests(DatabaseEngine engine) : RequestTest(engine)
{
    [Test]
    public async Task RefuseRequest_GroundsAndReasons_RefusedAndFinal()
    {
        var (senegal, received) = await ReceivedMlaAsync();

        var refused = await StepAsync(senegal, received, "refusal", new
        {
            occurredOn = TodayText,
            grounds = new[] { "essential-interests", "no-dual-criminality" },
            reasons = "The acts are not an offence under Senegalese law.",
        });

        using (Assert.EnterMultipleScope())
        {
            Assert.That(refused.Status, Is.EqualTo(RequestStatus.Refused));
            Assert.That(refused.RefusalGrounds, Is.EquivalentTo(new[] { "essential-interests", "no-dual-criminality" }));
            Assert.That(refused.ClosedOn, Is.EqualTo(Today));
            Assert.That(refused.AllowedActions.Select(a => a.ToString()), Is.EqualTo(new[] { "AddNote" }));
        }
    }

    [Test]
    public async Task RefuseRequest_WithoutReasons_Returns400()
    {
        var (senegal, received) = await ReceivedMlaAsync();

        var response = await PostStepAsync(senegal, received.Id, "refusal", new { occurredOn = TodayText, grounds = new[] { "other" } }, received.Version);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [TestCase("bank-secrecy")]
    [TestCase("fiscal-matters")]
    [TestCase("nationality")]
    public async Task RefuseRequest_GroundNotValidForMla_Returns400AndChangesNothing(string ground)
    {
        var (senegal, received) = await ReceivedMlaAsync();

        var response = await PostStepAsync(senegal, received.Id, "refusal", new { occurredOn = TodayText, grounds = new[] { ground }, reasons = "Because." }, received.Version);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await GetRequestAsync(senegal, received.Id)).Status, Is.EqualTo(RequestStatus.Received));
        Assert.That(await CountAsync("request_refusal_grounds"), Is.Zero);
    }

    [Test]
    public async Task RefuseRequest_ByFocalPoint_Returns403()
    {
        var (_, received) = await ReceivedMlaAsync();
        using var focalPoint = await CreateClientAsAsync("sen.fp");

        var response = await PostStepAsync(focalPoint, received.Id, "refusal", new { occurredOn = TodayText, grounds = new[] { "other" }, reasons = "No." }, received.Version);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
