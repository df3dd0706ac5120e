using Microsoft.Playwright;
using Mla.Web.Tests.Infrastructure;

namespace Mla.Web.Tests.Pages;

/// <summary>axe-core on every page, as the people who use each one: no serious or critical violation.</summary>
public sealed class AccessibilityTests : BrowserTest
{
    [Test]
    public async Task EveryPage_Axe_NoSeriousOrCriticalViolation()
    {
        var violations = new List<string>();
        async Task CheckAsync(IPage page, string path)
        {
            await page.GotoAsync(path);
            violations.AddRange((await Axe.SeriousViolationsAsync(page)).Select(v => $"{path}: {v}"));
        }

        var anonymous = await OpenAsync();
        await CheckAsync(anonymous, "/account/sign-in");
        await SignInAsync(anonymous, "mli.ca", "wrong password");
        violations.AddRange((await Axe.SeriousViolationsAsync(anonymous)).Select(v => $"sign-in refused: {v}"));

        var clerk = await SignedInAsync("mli.ca");
        await CheckAsync(clerk, "/");
        await CheckAsync(clerk, "/requests");
        await CheckAsync(clerk, "/requests/new");
        await clerk.SelectOptionAsync("#f-input-requestedstate", "SEN");
        await clerk.ClickAsync("main form button[type=submit]");
        var draft = new Uri(clerk.Url).AbsolutePath.Replace("/draft/authorities", "", StringComparison.Ordinal);
        foreach (var step in new[] { "basics", "authorities", "facts", "persons", "assistance", "purpose", "review" })
        {
            await CheckAsync(clerk, $"{draft}/draft/{step}");
        }

        await CheckAsync(clerk, draft);
        await CheckAsync(clerk, $"{draft}/annexes/new");
        await CheckAsync(clerk, $"{draft}/discard-draft");
        await CheckAsync(clerk, "/requests/incoming");
        await clerk.ClickAsync("main form button[type=submit]");
        violations.AddRange((await Axe.SeriousViolationsAsync(clerk)).Select(v => $"incoming refused: {v}"));
        await CheckAsync(clerk, "/account");
        await CheckAsync(clerk, $"/requests/{Guid.NewGuid()}");

        var focalPoint = await SignedInAsync("sen.fp");
        await focalPoint.GotoAsync("/requests?kind=mla&direction=incoming&status=received");
        var received = await focalPoint.GetAttributeAsync("table.list tbody tr:first-child a", "href");
        await CheckAsync(focalPoint, received!);
        foreach (var action in new[] { "start-execution", "ask-information", "add-note" })
        {
            await CheckAsync(focalPoint, $"{received}/{action}");
        }

        var centralAuthority = await SignedInAsync("sen.ca");
        foreach (var action in new[] { "refuse", "postpone" })
        {
            await CheckAsync(centralAuthority, $"{received}/{action}");
        }

        var admin = await SignedInAsync("admin");
        await CheckAsync(admin, "/admin");
        await CheckAsync(admin, "/requests");
        foreach (var path in new[] { "/admin/legal-bases", "/admin/states", "/admin/states/SEN", "/admin/networks", "/admin/networks/sjcp" })
        {
            await CheckAsync(admin, path);
        }

        // The reference forms refused, with their errors next to their fields.
        await admin.GotoAsync("/admin/legal-bases");
        await admin.ClickAsync("main form button[type=submit]");
        violations.AddRange((await Axe.SeriousViolationsAsync(admin)).Select(v => $"legal basis refused: {v}"));
        await admin.GotoAsync("/admin/states/SEN");
        await admin.FillAsync("#f-languages", "xx");
        await admin.ClickAsync("form[action*='Languages'] button[type=submit]");
        violations.AddRange((await Axe.SeriousViolationsAsync(admin)).Select(v => $"languages refused: {v}"));
        await admin.FillAsync("#f-authority-email", "not an address");
        await admin.ClickAsync("form[action*='Authority'] button[type=submit]");
        violations.AddRange((await Axe.SeriousViolationsAsync(admin)).Select(v => $"central authority refused: {v}"));

        var focalPointUpdates = await SignedInAsync("sen.fp");
        await CheckAsync(focalPointUpdates, "/updates");

        Assert.That(violations, Is.Empty);
    }
}
