using Microsoft.Playwright;
using Mla.Web.Tests.Infrastructure;

namespace Mla.Web.Tests.Pages;

/// <summary>An extradition request to its surrender, in the browser: Mali transmits, Niger decides and surrenders.</summary>
public sealed class ExtraditionJourneyTests : BrowserTest
{
    [Test]
    public async Task Extradition_TransmittedGrantedSurrendered_Executed()
    {
        var clerk = await SignedInAsync("mli.ca", language: "en");
        await clerk.GotoAsync("/requests?kind=extradition&status=draft");
        await clerk.ClickAsync("table.list tbody tr:first-child a");
        var id = RequestIdOf(clerk);

        await clerk.GotoAsync($"/requests/{id}/annexes/new");
        await clerk.SetInputFilesAsync("#f-file", new FilePayload
        {
            Name = "mandat-d-arret.pdf",
            MimeType = "application/pdf",
            Buffer = "%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"u8.ToArray(),
        });
        await clerk.FillAsync("#f-input-description", "Arrest warrant");
        await SubmitAsync(clerk);
        await Assertions.Expect(clerk.Locator("main")).ToContainTextAsync("mandat-d-arret.pdf");

        await clerk.GotoAsync($"/requests/{id}/draft/review");
        await Assertions.Expect(clerk.Locator(".ok")).ToContainTextAsync("Nothing is missing");
        await SubmitAsync(clerk, "form[action$='/transmit'] button[type=submit]");
        Assert.That(await StatusAsync(clerk), Is.EqualTo("Transmitted"));

        var niger = await SignedInAsync("ner.ca", language: "en");
        await niger.GotoAsync($"/requests/{id}/acknowledge-receipt");
        await niger.FillAsync("#f-input-requestedsidereference", "NER/EXT/2026/004");
        await SubmitAsync(niger);
        await niger.GotoAsync($"/requests/{id}/record-extradition-decision");
        await niger.SelectOptionAsync("#f-input-decision", "granted");
        await SubmitAsync(niger);
        Assert.That(await StatusAsync(niger), Is.EqualTo("In execution"));

        var focalPoint = await SignedInAsync("ner.fp", language: "en");
        await focalPoint.GotoAsync($"/requests/{id}");
        await focalPoint.ClickAsync("a.button[href$='/record-surrender']");
        await SubmitAsync(focalPoint);
        Assert.That(await StatusAsync(focalPoint), Is.EqualTo("Executed"));
        await Assertions.Expect(focalPoint.Locator("dl.summary")).ToContainTextAsync("Surrendered on");
    }
}
