using Microsoft.Playwright;
using Mla.Web.Tests.Infrastructure;

namespace Mla.Web.Tests.Pages;

/// <summary>
/// The requests page says "more than" when a search is counted only up to <c>Search:TotalCap</c>, and an
/// exact total when the tallies answer it. An application of its own with the cap at 2, so three requests
/// are enough to cross it.
/// </summary>
public sealed class RequestsCountTests : BrowserTest
{
    private WebApp _app = null!;

    protected override WebApp App => _app;

    [OneTimeSetUp]
    public async Task StartApplicationAsync()
    {
        _app = WebApp.StartSqlite(clock: null, new Dictionary<string, string> { ["Search:TotalCap"] = "2" });
        using var mali = await ApiClient.SignInAsync(_app, "mli.ca");
        for (var request = 0; request < 3; request++)
        {
            await mali.TransmitMlaAsync("SEN");
        }
    }

    [OneTimeTearDown]
    public async Task StopApplicationAsync() => await _app.DisposeAsync();

    [Test]
    public async Task FreeTextBeyondTheCap_SaysMoreThanAndNoLastPage()
    {
        var page = await SignedInAsync("sen.fp", javaScript: false);

        await page.GotoAsync("/requests?q=blanchiment");

        await Assertions.Expect(page.Locator("p[role=status]")).ToHaveTextAsync("Plus de 2 demandes");
        await Assertions.Expect(page.Locator("table.list tbody tr")).ToHaveCountAsync(3);
        await Assertions.Expect(page.Locator("nav.pager span")).ToHaveTextAsync("Page 1");
    }

    /// <summary>"page" is also the route value holding the page's path: a page number must still be read, and no error shown.</summary>
    [Test]
    public async Task PagerLink_OpensThatPage_WithoutAnError()
    {
        var page = await SignedInAsync("sen.fp", javaScript: false);

        await page.GotoAsync("/requests");
        await Assertions.Expect(page.Locator("table.list tbody tr")).Not.ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#error-summary")).ToHaveCountAsync(0);

        // Fewer than a page of requests: page 2 is empty (while the number was not read, it showed page 1 again).
        await page.GotoAsync("/requests?page=2");
        await Assertions.Expect(page.Locator("#error-summary")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("table.list tbody tr")).ToHaveCountAsync(0);
    }

    [Test]
    public async Task FiltersTheTalliesAnswer_SayTheExactTotalWhateverTheCap()
    {
        using var senegal = await ApiClient.SignInAsync(_app, "sen.fp");
        var expected = (await senegal.GetAsync("/api/requests?direction=incoming&status=transmitted")).GetProperty("total").GetInt32();
        Assert.That(expected, Is.GreaterThanOrEqualTo(3), "Mali's three transmissions are counted");
        var page = await SignedInAsync("sen.fp", javaScript: false);

        await page.GotoAsync("/requests?direction=incoming&status=transmitted");

        await Assertions.Expect(page.Locator("p[role=status]")).ToHaveTextAsync($"{expected} demande(s)");
        await Assertions.Expect(page.Locator("nav.pager span")).ToHaveTextAsync($"Page 1 sur {(expected + 19) / 20}");
    }
}
