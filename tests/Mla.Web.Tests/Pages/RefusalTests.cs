using Microsoft.Playwright;
using Mla.Web.Tests.Infrastructure;

namespace Mla.Web.Tests.Pages;

/// <summary>What a user sees when an action is refused: the lifecycle's message, or the fields' own, with what was typed kept.</summary>
public sealed class RefusalTests : BrowserTest
{
    [Test]
    public async Task Refuse_ByAFocalPoint_ShowsTheLifecycleRefusalAndChangesNothing()
    {
        var page = await SignedInAsync("sen.fp");
        var id = await FirstIncomingMlaAsync(page);
        await page.GotoAsync($"/requests/{id}/refuse");
        await page.CheckAsync("input[name='Input.Grounds'][value='essential-interests']");
        await page.FillAsync("#f-input-reasons", "Motifs tapés par le point focal");
        await page.ClickAsync("main form button[type=submit]");

        await Assertions.Expect(page.Locator(".error-summary .problem")).ToHaveTextAsync("Votre rôle ne permet pas cette action.");
        await Assertions.Expect(page.Locator("#f-input-reasons")).ToHaveValueAsync("Motifs tapés par le point focal");
        await page.GotoAsync($"/requests/{id}");
        Assert.That(await StatusAsync(page), Is.EqualTo("Reçue"));
    }

    [Test]
    public async Task AddNote_WithoutNote_ErrorAnnouncedNextToTheField()
    {
        var page = await SignedInAsync("mli.pros");
        var id = await FirstMlaAsync(page);
        await page.GotoAsync($"/requests/{id}/add-note");
        await page.ClickAsync("main form button[type=submit]");

        var note = page.Locator("#f-input-note");
        await Assertions.Expect(note).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(note).ToHaveAttributeAsync("aria-describedby", "f-input-note-error");
        await Assertions.Expect(page.Locator("#f-input-note-error")).ToContainTextAsync("Ce champ est obligatoire.");
        await Assertions.Expect(page.Locator(".error-summary a[href='#f-input-note']")).ToHaveCountAsync(1);
    }

    [Test]
    public async Task AddNote_SubmittedTwice_ActsOnce()
    {
        var page = await SignedInAsync("mli.pros");
        var id = await FirstMlaAsync(page);
        await page.GotoAsync($"/requests/{id}/add-note");

        // The form as shown, sent twice (a double click, a page sent again after a dropped connection).
        var form = page.APIRequest.CreateFormData();
        foreach (var name in new[] { "Input.Version", "Input.IdempotencyKey", "Input.OccurredOn", "__RequestVerificationToken" })
        {
            form.Append(name, (await page.Locator($"main form input[name='{name}']").GetAttributeAsync("value"))!);
        }

        form.Append("Input.Note", "Suivi : relance prévue.");
        var first = await page.APIRequest.PostAsync($"/requests/{id}/add-note", new() { Form = form, MaxRedirects = 0 });
        var second = await page.APIRequest.PostAsync($"/requests/{id}/add-note", new() { Form = form, MaxRedirects = 0 });

        Assert.That((first.Status, second.Status), Is.EqualTo((302, 302)));
        await page.GotoAsync($"/requests/{id}");
        await Assertions.Expect(page.Locator("table.list tbody tr", new() { HasText = "Suivi : relance prévue." })).ToHaveCountAsync(1);
    }

    private static async Task<string> FirstIncomingMlaAsync(IPage page)
    {
        await page.GotoAsync("/requests?kind=mla&direction=incoming&status=received");
        return (await page.GetAttributeAsync("table.list tbody tr:first-child a", "href"))!.Split('/').Last();
    }

    private static async Task<string> FirstMlaAsync(IPage page)
    {
        await page.GotoAsync("/requests?kind=mla&status=received");
        return (await page.GetAttributeAsync("table.list tbody tr:first-child a", "href"))!.Split('/').Last();
    }
}
