using Mla.Web.Tests.Infrastructure;

namespace Mla.Web.Tests.Pages;

/// <summary>
/// The pages that write a request's content: the drafting steps save one step at a time and leave the rest of the
/// content as it was; the incoming form registers a request with its arrival and its content.
/// </summary>
[TestFixture("sqlite")]
[TestFixture("postgres")]
public sealed class DraftPagesTests(string engine) : EngineBrowserTest(engine)
{
    private const string LawText = "Code pénal du Mali, art. 252 : le vol commis avec port d'arme est puni de la réclusion criminelle à perpétuité.";

    [Test]
    public async Task DraftStep_SavedOnItsPage_KeepsWhatNoPageShows()
    {
        // The text of the law is typed through the API only: no drafting step shows it. (Niger's requests: the
        // journeys of the other tests are Mali's and Senegal's lists.)
        using var niger = await ApiClient.SignInAsync(App, "ner.ca");
        var draft = await niger.PostAsync("/api/requests", new
        {
            kind = "extradition",
            requestedState = "MLI",
            legalBases = new[] { "ecowas-extradition-1994" },
            subject = "Extradition aux fins de poursuites",
            legalProvisionsText = LawText,
            language = "fr",
        });
        var id = draft.GetProperty("id").GetGuid();

        var clerk = await SignedInAsync("ner.ca", language: "en");
        await clerk.GotoAsync($"/requests/{id}/draft/facts");
        await clerk.FillAsync("#f-input-subject", "Extradition aux fins de poursuites pour vol à main armée");
        await SubmitAsync(clerk, "button[value=next]");
        Assert.That(clerk.Url, Does.EndWith("/draft/persons"));

        var content = (await niger.GetAsync($"/api/requests/{id}")).GetProperty("content");
        Assert.Multiple(() =>
        {
            Assert.That(content.GetProperty("subject").GetString(), Is.EqualTo("Extradition aux fins de poursuites pour vol à main armée"));
            Assert.That(content.GetProperty("legalProvisionsText").GetString(), Is.EqualTo(LawText));
        });
    }

    [Test]
    public async Task IncomingRequest_RegisteredOnThePage_ReceivedWithItsArrivalAndItsContent()
    {
        var clerk = await SignedInAsync("ner.ca", language: "en");
        await clerk.GotoAsync("/requests/incoming");
        await clerk.SelectOptionAsync("#f-arrival-requestingstate", "GHA");
        await clerk.SelectOptionAsync("#f-arrival-channel", "diplomatic");
        await clerk.FillAsync("#f-arrival-requestingstatereference", "GHA/MLA/77/2026");
        await clerk.FillAsync("#f-input-subject", "Fraude aux marchés publics");
        await clerk.FillAsync("#f-input-facts", "Des paiements fictifs ont été versés à une société écran.");
        await SubmitAsync(clerk);
        Assert.That(await StatusAsync(clerk), Is.EqualTo("Received"));

        using var niger = await ApiClient.SignInAsync(App, "ner.ca");
        var request = await niger.GetAsync($"/api/requests/{RequestIdOf(clerk)}");
        Assert.Multiple(() =>
        {
            Assert.That(request.GetProperty("requestingState").GetString(), Is.EqualTo("GHA"));
            Assert.That(request.GetProperty("transmissionChannel").GetString(), Is.EqualTo("diplomatic"));
            Assert.That(request.GetProperty("requestingStateReference").GetString(), Is.EqualTo("GHA/MLA/77/2026"));
            Assert.That(request.GetProperty("content").GetProperty("subject").GetString(), Is.EqualTo("Fraude aux marchés publics"));
            Assert.That(request.GetProperty("content").GetProperty("requestedState").GetString(), Is.EqualTo("NER"));
        });
    }
}
