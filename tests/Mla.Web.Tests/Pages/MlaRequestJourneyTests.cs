using Microsoft.Playwright;
using Mla.Web.Tests.Infrastructure;

namespace Mla.Web.Tests.Pages;

/// <summary>
/// The whole life of an MLA request in the browser, JavaScript off: Mali's central authority drafts it step by
/// step and transmits it, Senegal's focal point acknowledges it and records its execution, Mali's prosecutor
/// follows it; Niger, a third State, gets 404.
/// </summary>
public sealed class MlaRequestJourneyTests : BrowserTest
{
    [Test]
    public async Task MlaRequest_DraftedTransmittedAcknowledgedExecuted_EachPersonSeesItWithoutJavaScript()
    {
        var clerk = await SignedInAsync("mli.ca", javaScript: false);
        await Expect(clerk).ToHaveTitleAsync("Tableau de bord · Mla");
        await ScreenshotAsync(clerk, "dashboard");

        // Step 1 creates the draft.
        await clerk.GotoAsync("/requests/new");
        await clerk.SelectOptionAsync("#f-input-kind", "mla");
        await clerk.SelectOptionAsync("#f-input-requestedstate", "SEN");
        await clerk.CheckAsync("input[name='Input.LegalBases'][value='ecowas-mla-1992']");
        await clerk.SelectOptionAsync("#f-input-language", "fr");
        await SubmitAsync(clerk);
        Assert.That(clerk.Url, Does.EndWith("/draft/authorities"));
        var id = RequestIdOf(clerk);

        // The review lists what is still missing, in French, before anything else is written.
        await clerk.GotoAsync($"/requests/{id}/draft/review");
        var missing = await clerk.InnerTextAsync(".missing");
        Assert.That(missing, Does.Contain("Manque encore avant transmission"));
        Assert.That(missing, Does.Contain("Exposé des faits"));

        await clerk.GotoAsync($"/requests/{id}/draft/authorities");
        await clerk.FillAsync("#f-input-investigatingauthority-name", "Pôle judiciaire spécialisé de Bamako");
        await clerk.FillAsync("#f-input-investigatingauthority-function", "Juge d'instruction");
        await SubmitAsync(clerk, "button[value=next]");
        Assert.That(clerk.Url, Does.EndWith("/draft/facts"));

        await clerk.FillAsync("#f-input-subject", "Blanchiment du produit d'un trafic de drogue");
        await clerk.FillAsync("#f-input-facts", "Des fonds issus d'un trafic ont transité par des comptes ouverts à Dakar.");
        await clerk.SelectOptionAsync("#f-input-offences-0--category", "money-laundering");
        await clerk.FillAsync("#f-input-offences-0--description", "Blanchiment de capitaux");
        await clerk.FillAsync("#f-input-offences-0--legalprovision", "Loi uniforme relative à la lutte contre le blanchiment, art. 7");
        await clerk.FillAsync("#f-input-offences-0--maxpenalty", "10 ans d'emprisonnement");
        await ScreenshotAsync(clerk, "drafting-step");
        await SubmitAsync(clerk, "button[value=next]");
        Assert.That(clerk.Url, Does.EndWith("/draft/persons"));
        await SubmitAsync(clerk, "button[value=next]");
        Assert.That(clerk.Url, Does.EndWith("/draft/assistance"));

        await clerk.SelectOptionAsync("#f-input-assistance-0--type", "records");
        await clerk.FillAsync("#f-input-assistance-0--description", "Relevés des comptes ouverts à Dakar depuis 2024");
        await SubmitAsync(clerk, "button[value=next]");
        Assert.That(clerk.Url, Does.EndWith("/draft/purpose"));
        await clerk.FillAsync("#f-input-purpose", "Établir l'origine des fonds saisis à Bamako.");
        await SubmitAsync(clerk, "button[value=next]");
        Assert.That(clerk.Url, Does.EndWith("/draft/review"));

        await Expect(clerk.Locator(".ok")).ToContainTextAsync("Rien ne manque");
        var preview = await clerk.APIRequest.GetAsync($"/requests/{id}/document");
        Assert.That(preview.Headers["content-type"], Is.EqualTo("application/pdf"));
        await SubmitAsync(clerk, "form[action$='/transmit'] button[type=submit]");
        Assert.That(clerk.Url, Does.EndWith($"/requests/{id}"));
        Assert.That(await StatusAsync(clerk), Is.EqualTo("Transmise"));
        Assert.That((await clerk.InnerTextAsync("h1 .ref")).Trim(), Does.StartWith("MLI/MLA/"));

        // Senegal's focal point acknowledges receipt, starts and records execution.
        var focalPoint = await SignedInAsync("sen.fp", javaScript: false);
        await focalPoint.GotoAsync($"/requests/{id}");
        await focalPoint.ClickAsync("a.button[href$='/acknowledge-receipt']");
        await focalPoint.FillAsync("#f-input-requestedsidereference", "SEN/PF/2026/117");
        await SubmitAsync(focalPoint);
        Assert.That(await StatusAsync(focalPoint), Is.EqualTo("Reçue"));

        await focalPoint.ClickAsync("a.button[href$='/start-execution']");
        await focalPoint.FillAsync("#f-input-executingauthority", "Parquet financier de Dakar");
        await SubmitAsync(focalPoint);
        Assert.That(await StatusAsync(focalPoint), Is.EqualTo("En exécution"));

        await focalPoint.ClickAsync("a.button[href$='/record-execution']");
        await focalPoint.SelectOptionAsync("#f-input-outcomes-0--outcome", "executed");
        await SubmitAsync(focalPoint);
        Assert.That(await StatusAsync(focalPoint), Is.EqualTo("Exécutée"));

        // Mali's prosecutor follows it: its status, its timeline, the chain's mark.
        var prosecutor = await SignedInAsync("mli.pros", javaScript: false);
        await prosecutor.GotoAsync($"/requests/{id}");
        Assert.That(await StatusAsync(prosecutor), Is.EqualTo("Exécutée"));
        await Expect(prosecutor.Locator("#chain-state")).ToContainTextAsync("Dossier vérifié");
        var timeline = prosecutor.Locator("table.list tbody");
        await Expect(timeline).ToContainTextAsync("Transmise");
        await Expect(timeline).ToContainTextAsync("Réception accusée");
        await Expect(timeline).ToContainTextAsync("Exécution enregistrée");
        await ScreenshotAsync(prosecutor, "request-page");

        // Niger is neither party: the request does not exist for it.
        var thirdState = await SignedInAsync("ner.ca", javaScript: false);
        var response = await thirdState.GotoAsync($"/requests/{id}");
        Assert.That(response!.Status, Is.EqualTo(404));
        await Expect(thirdState.Locator("h1")).ToHaveTextAsync("Page introuvable");
    }

    private static IPageAssertions Expect(IPage page) => Assertions.Expect(page);

    private static ILocatorAssertions Expect(ILocator locator) => Assertions.Expect(locator);
}
