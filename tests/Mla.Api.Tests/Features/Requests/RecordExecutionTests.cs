using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mla.Api.Features.Requests;
using Mla.Api.Infrastructure.Data;
using Mla.Domain.Requests;

namespace Mla.Api.Tests.Features.Requests;

public sealed class RecordExecutionTests(DatabaseEngine engine) : RequestTest(engine)
{
    private async Task<(HttpClient Senegal, RequestDto Request)> InExecutionAsync()
    {
        var (senegal, received) = await ReceivedMlaAsync();
        return (senegal, await StepAsync(senegal, received, "execution", new { occurredOn = TodayText, executingAuthority = "Investigating judge, Dakar" }));
    }

    [Test]
    public async Task RecordExecution_EveryItemExecuted_Executed()
    {
        var (senegal, request) = await InExecutionAsync();

        var done = await StepAsync(senegal, request, "execution-result", new
        {
            occurredOn = TodayText,
            outcomes = new[] { new { outcome = "executed", note = "Sent" }, new { outcome = "executed", note = "Heard" } },
        });

        Assert.That(done.Status, Is.EqualTo(RequestStatus.Executed));
        Assert.That(done.ExecutionOutcomes.Select(o => o.Note), Is.EqualTo(new[] { "Sent", "Heard" }));
    }

    [Test]
    public async Task RecordExecution_NothingExecuted_Returns422AndPointsToRefusal()
    {
        var (senegal, request) = await InExecutionAsync();

        var response = await PostStepAsync(senegal, request.Id, "execution-result", new
        {
            occurredOn = TodayText,
            outcomes = new[] { new { outcome = "not-executed", note = "No" }, new { outcome = "not-executed", note = "No" } },
        }, request.Version);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.UnprocessableEntity));
        var allowed = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("allowedActions").EnumerateArray().Select(a => a.GetString());
        Assert.That(allowed, Does.Contain("refuse"));
        Assert.That((await GetRequestAsync(senegal, request.Id)).Status, Is.EqualTo(RequestStatus.InExecution));
    }

    [Test]
    public async Task RecordExecution_OutcomeCountDiffersFromItems_Returns400AndChangesNothing()
    {
        var (senegal, request) = await InExecutionAsync();

        var response = await PostStepAsync(senegal, request.Id, "execution-result", new
        {
            occurredOn = TodayText,
            outcomes = new[] { new { outcome = "executed", note = "Only one" } },
        }, request.Version);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var stored = await GetRequestAsync(senegal, request.Id);
        Assert.That(stored.Version, Is.EqualTo(request.Version));
        Assert.That(stored.ExecutionOutcomes, Is.Empty);
    }

    [Test]
    public async Task RecordExecution_UnknownOutcome_Returns400()
    {
        var (senegal, request) = await InExecutionAsync();

        var response = await PostStepAsync(senegal, request.Id, "execution-result", new
        {
            occurredOn = TodayText,
            outcomes = new[] { new { outcome = "done", note = "?" }, new { outcome = "executed", note = "ok" } },
        }, request.Version);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("outcomes[0].outcome", out _), Is.True);
    }
}
