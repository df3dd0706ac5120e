using System.Net;
using System.Net.Http.Json;
using System.Net.Http.Headers;
using System.Text.Json;
using Mla.Api.Tests.Infrastructure;

namespace Mla.Api.Tests.Features.Requests;

// The rules every lifecycle step shares (a date, a bounded note) apply to every step route, once each,
// without the step's own validator having to include them; a note alone may leave its date out.
public sealed class TransitionRulesTests : EngineIndependentApiTest
{
    private static readonly string[] StepsThatNeedADate =
    [
        "transmit", "receipt", "execution", "information-requests", "information-responses", "postponement",
        "execution-result", "refusal", "withdrawal", "provisional-arrest", "extradition-decision", "surrender",
    ];

    [Test]
    public async Task EveryStep_BodyWithoutDateAndWithTooLongNote_EachSharedRuleReportedOnce()
    {
        using var client = await CreateSignedInClientAsync();
        var mismatches = new List<string>();
        foreach (var step in StepsThatNeedADate.Append("notes"))
        {
            using var response = await PostAsync(client, step, new { note = new string('n', 4001) });
            var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
            var dateErrors = errors.TryGetProperty("occurredOn", out var date) ? date.GetArrayLength() : 0;
            var noteErrors = errors.TryGetProperty("note", out var note) ? note.GetArrayLength() : 0;
            var expectedDateErrors = step == "notes" ? 0 : 1;
            if (response.StatusCode != HttpStatusCode.BadRequest || dateErrors != expectedDateErrors || noteErrors != 1)
            {
                mismatches.Add($"{step}: {(int)response.StatusCode}, {dateErrors} date error(s), {noteErrors} note error(s)");
            }
        }

        Assert.That(mismatches, Is.Empty);
    }

    [Test]
    public async Task Step_DateBeforeTheEarliestEventDate_Returns400OnOccurredOn()
    {
        using var client = await CreateSignedInClientAsync();

        using var response = await PostAsync(client, "notes", new { note = "A note.", occurredOn = "0001-01-01" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.That(errors.TryGetProperty("occurredOn", out _), Is.True);
    }

    // Validation runs before the handler looks the request up, so any id serves.
    private static Task<HttpResponseMessage> PostAsync(HttpClient client, string step, object body)
    {
        var message = new HttpRequestMessage(HttpMethod.Post, $"/api/requests/{Guid.NewGuid()}/{step}") { Content = JsonContent.Create(body) };
        message.Headers.IfMatch.Add(new EntityTagHeaderValue("\"1\""));
        return client.SendAsync(message);
    }
}
