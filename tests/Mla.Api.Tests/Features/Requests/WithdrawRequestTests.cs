using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mla.Api.Infrastructure.Data;
using Mla.Domain.Requests;

namespace Mla.Api.Tests.Features.Requests;

public sealed class WithdrawRequestTests(DatabaseEngine engine) : RequestTest(engine)
{
    [Test]
    public async Task WithdrawRequest_Transmitted_WithdrawnAndOnlyNotesRemain()
    {
        var (mali, transmitted) = await TransmittedMlaAsync();

        var withdrawn = await StepAsync(mali, transmitted, "withdrawal", new { occurredOn = TodayText, reason = "The suspect was arrested at home." });
        var receiptAfter = await PostStepAsync(await CreateClientAsAsync("sen.ca"), withdrawn.Id, "receipt",
            new { occurredOn = TodayText, requestedSideReference = "late" }, withdrawn.Version);

        Assert.That(withdrawn.Status, Is.EqualTo(RequestStatus.Withdrawn));
        Assert.That(receiptAfter.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
        var allowed = (await receiptAfter.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString());
        Assert.That(allowed, Is.EqualTo(new[] { "add-note" }));
    }

    [Test]
    public async Task WithdrawRequest_WithoutReason_Returns400()
    {
        var (mali, transmitted) = await TransmittedMlaAsync();

        var response = await PostStepAsync(mali, transmitted.Id, "withdrawal", new { occurredOn = TodayText }, transmitted.Version);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
    }

    [Test]
    public async Task WithdrawRequest_ByRequestedCentralAuthority_Returns403()
    {
        var (senegal, received) = await ReceivedMlaAsync();

        var response = await PostStepAsync(senegal, received.Id, "withdrawal", new { occurredOn = TodayText, reason = "Not ours to withdraw." }, received.Version);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
