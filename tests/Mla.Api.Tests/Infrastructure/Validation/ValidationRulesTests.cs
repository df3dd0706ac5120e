using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using Microsoft.AspNetCore.Http;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Features.Requests;

namespace Mla.Api.Tests.Infrastructure.Validation;

/// <summary>
/// Codes are matched whole (<c>"SEN\n"</c> is not a State: .NET's <c>$</c> matches before a final line
/// break), and dates fall within plausible ranges. Refused input is a 400 naming the field, never a 500,
/// and nothing is stored.
/// </summary>
public sealed class ValidationRulesTests(DatabaseEngine engine) : RequestTest(engine)
{
    [TestCase("requestedState", "SEN\n")]
    [TestCase("requestedState", "SEN\r\n")]
    [TestCase("persons[0].nationality", "MLI\n")]
    [TestCase("language", "fr\n")]
    public async Task CreateDraft_CodeWithATrailingLineBreak_Answers400AndStoresNothing(string field, string value)
    {
        using var mali = await CreateClientAsAsync("mli.ca");

        var response = await mali.PostAsJsonAsync("/api/requests", JsonBodies.From(MlaDraft(), Json).With(field, value));

        await AssertProblemNamesAsync(response, field);
        Assert.That(await CountAsync("requests"), Is.Zero);
    }

    [Test]
    public async Task UpdateDraft_RequestedStateWithATrailingLineBreak_Answers400AndChangesNothing()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(mali);

        var response = await PutDraftAsync(mali, draft.Id, JsonBodies.From(MlaDraft(), Json).With("requestedState", "NER\n"), draft.Version);

        await AssertProblemNamesAsync(response, "requestedState");
        var read = await GetRequestAsync(mali, draft.Id);
        Assert.That((read.Version, read.Content.RequestedState), Is.EqualTo((draft.Version, "SEN")));
    }

    [Test]
    public async Task Transmit_LanguageWithATrailingLineBreak_Answers400AndChangesNothing()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(mali);

        var response = await PostStepAsync(mali, draft.Id, "transmit", new { occurredOn = TodayText, channel = "central-authority", language = "fr\n" }, draft.Version);

        await AssertProblemNamesAsync(response, "language");
        Assert.That((await GetRequestAsync(mali, draft.Id)).Version, Is.EqualTo(draft.Version));
    }

    [TestCase("MLI\n")]
    [TestCase("MLI\r\n")]
    [TestCase(" MLI")]
    public async Task RegisterIncoming_RequestingStateNotExactlyACode_Answers400AndStoresNothing(string requestingState)
    {
        using var senegal = await CreateClientAsAsync("sen.ca");
        var body = JsonBodies.From(MlaDraft("SEN"), Json)
            .With("requestingState", requestingState)
            .With("occurredOn", TodayText)
            .With("channel", "diplomatic");

        var response = await senegal.PostAsJsonAsync("/api/requests/incoming", body);

        await AssertProblemNamesAsync(response, "requestingState");
        Assert.That(await CountAsync("requests"), Is.Zero);
    }

    [TestCase("persons[0].dateOfBirth", "0001-01-01")]
    [TestCase("persons[0].dateOfBirth", "1899-12-31")]
    [TestCase("persons[0].dateOfBirth", "9999-12-31")]
    [TestCase("timeLimit", "0001-01-01")]
    [TestCase("timeLimit", "9999-12-31")]
    [TestCase("warrant.date", "0001-01-01")]
    [TestCase("judgment.date", "1899-12-31")]
    public async Task CreateDraft_ImplausibleDate_Answers400AndStoresNothing(string field, string date)
    {
        using var mali = await CreateClientAsAsync("mli.ca");

        var response = await mali.PostAsJsonAsync("/api/requests", JsonBodies.From(MlaDraft(), Json).With(field, date));

        await AssertProblemNamesAsync(response, field);
        Assert.That(await CountAsync("requests"), Is.Zero);
    }

    [Test]
    public async Task CreateDraft_DatesAtTheirBounds_AreAccepted()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var body = JsonBodies.From(MlaDraft(), Json)
            .With("persons[0].dateOfBirth", "1900-01-01")
            .With("timeLimit", Iso(Today.AddYears(10)))
            .With("warrant.date", "1900-01-01");

        var created = await CreateDraftAsync(mali, body);

        Assert.That(created.Content.TimeLimit, Is.EqualTo(Today.AddYears(10)));
    }

    [Test]
    public async Task Transmit_OccurredBefore1990_Answers400AndChangesNothing()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(mali);

        var response = await PostStepAsync(mali, draft.Id, "transmit", new { occurredOn = "0001-01-01", channel = "central-authority", language = "fr" }, draft.Version);

        await AssertProblemNamesAsync(response, "occurredOn");
        Assert.That((await GetRequestAsync(mali, draft.Id)).Version, Is.EqualTo(draft.Version));
    }

    [Test]
    public async Task AskForInformation_RespondByYear9999_Answers400AndChangesNothing()
    {
        var (senegal, received) = await ReceivedMlaAsync();

        var response = await PostStepAsync(senegal, received.Id, "information-requests",
            new { occurredOn = TodayText, informationNeeded = "Addresses", respondBy = "9999-12-31" }, received.Version);

        await AssertProblemNamesAsync(response, "respondBy");
        Assert.That((await GetRequestAsync(senegal, received.Id)).Version, Is.EqualTo(received.Version));
    }

    private static string Iso(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    private static async Task AssertProblemNamesAsync(HttpResponseMessage response, string field)
    {
        var body = await response.Content.ReadAsStringAsync();
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), body);
        var problem = System.Text.Json.JsonSerializer.Deserialize<HttpValidationProblemDetails>(body, Json)!;
        Assert.That(problem.Errors.Keys, Does.Contain(field), body);
    }
}
