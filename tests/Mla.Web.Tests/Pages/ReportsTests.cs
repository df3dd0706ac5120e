using Mla.Web.Tests.Infrastructure;

namespace Mla.Web.Tests.Pages;

/// <summary>The plenary report for a secretariat: its tables on screen, a download per format, and nothing that fails axe.</summary>
public sealed class ReportsTests : BrowserTest
{
    [Test]
    public async Task Reports_Secretariat_TablesOnScreenAndDownloads()
    {
        var page = await SignedInAsync("sjcp.sec");
        await page.GotoAsync("/reports");

        Assert.That(await page.Locator("main table.list").CountAsync(), Is.GreaterThan(3));
        foreach (var (format, type) in new[] { ("pdf", "application/pdf"), ("xlsx", "spreadsheet"), ("csv", "zip") })
        {
            var href = await page.GetAttributeAsync($"a.button[href*='format={format}']", "href");
            var file = await page.APIRequest.GetAsync(href!);
            Assert.That(file.Headers["content-type"], Does.Contain(type), format);
        }

        Assert.That(await Axe.SeriousViolationsAsync(page), Is.Empty);
    }
}
