using Microsoft.Playwright;
using Mla.Web.Tests.Infrastructure;

namespace Mla.Web.Tests.Pages;

/// <summary>Slow links: at most 150 KB per page on a first visit, 30 KB once the stylesheet is cached; no other origin.</summary>
public sealed class PageWeightTests : BrowserTest
{
    [Test]
    public async Task CorePages_FirstAndCachedVisits_StayUnderTheBudget()
    {
        var page = await SignedInAsync("mli.ca");
        await page.GotoAsync("/requests");
        var request = await page.GetAttributeAsync("table.list tbody tr:first-child a", "href");

        await AssertWeightsAsync("mli.ca", "/", "/requests", request!, "/requests/new", "/requests/incoming", "/account", "/updates");
    }

    [Test]
    public async Task AdminPages_FirstAndCachedVisits_StayUnderTheBudget() =>
        await AssertWeightsAsync("admin", "/admin", "/admin/legal-bases", "/admin/states", "/admin/states/SEN", "/admin/networks", "/admin/networks/wacap");

    private async Task AssertWeightsAsync(string username, params string[] paths)
    {
        foreach (var path in paths)
        {
            // An emptied cache: the first visit carries everything.
            var fresh = await SignedInAsync(username);
            var weight = new PageWeight(fresh);
            var devTools = await fresh.Context.NewCDPSessionAsync(fresh);
            await devTools.SendAsync("Network.clearBrowserCache");
            await fresh.GotoAsync(path);
            var first = await weight.TotalAsync();
            weight.Reset();
            await fresh.GotoAsync(path);
            var cached = await weight.TotalAsync();

            Assert.That(first, Is.LessThanOrEqualTo(150 * 1024), $"{path}: first visit");
            Assert.That(cached, Is.LessThanOrEqualTo(30 * 1024), $"{path}: cached visit");
            Assert.That(weight.Origins, Is.EquivalentTo(new[] { App.BaseAddress.GetLeftPart(UriPartial.Authority) }), $"{path}: every asset served by Mla");
        }
    }

    [Test]
    public async Task Stylesheet_VersionedUrl_CachedForAYear()
    {
        var page = await OpenAsync();
        await page.GotoAsync("/account/sign-in");
        var href = await page.GetAttributeAsync("link[rel=stylesheet]", "href");
        var css = await page.APIRequest.GetAsync(href!);

        Assert.That(href, Does.Contain("?v="));
        Assert.That(css.Headers["cache-control"], Is.EqualTo("public, max-age=31536000, immutable"));
        Assert.That((await css.BodyAsync()).Length, Is.LessThan(16 * 1024));
        Assert.That(await page.Locator("script").CountAsync(), Is.Zero, "the pages need no JavaScript");
    }

    private sealed class PageWeight
    {
        private readonly List<IRequest> _requests = [];

        public PageWeight(IPage page) => page.RequestFinished += (_, request) => _requests.Add(request);

        public HashSet<string> Origins { get; } = [];

        public void Reset()
        {
            _requests.Clear();
            Origins.Clear();
        }

        public async Task<long> TotalAsync()
        {
            long total = 0;
            foreach (var request in _requests.ToList())
            {
                Origins.Add(new Uri(request.Url).GetLeftPart(UriPartial.Authority));
                var sizes = await request.SizesAsync();
                total += sizes.ResponseBodySize + sizes.ResponseHeadersSize;
            }

            return total;
        }
    }
}
