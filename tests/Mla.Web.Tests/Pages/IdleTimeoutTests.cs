using Microsoft.Extensions.Time.Testing;
using Microsoft.Playwright;
using Mla.Web.Tests.Infrastructure;

namespace Mla.Web.Tests.Pages;

/// <summary>
/// The page session ends after the configured idle time (<c>Pages:IdleTimeout</c>), measured on the application's
/// clock: here a fake one the test moves, on an application of its own, so no test waits for minutes.
/// </summary>
public sealed class IdleTimeoutTests : BrowserTest
{
    private static readonly TimeSpan IdleLimit = TimeSpan.FromMinutes(5);

    private FakeTimeProvider _clock = null!;
    private WebApp _app = null!;

    protected override WebApp App => _app;

    [OneTimeSetUp]
    public void StartApplication()
    {
        _clock = new FakeTimeProvider(DateTimeOffset.UtcNow);
        _app = WebApp.StartSqlite(_clock, new Dictionary<string, string> { ["Pages:IdleTimeout"] = "00:05:00" });
    }

    [OneTimeTearDown]
    public async Task StopApplicationAsync() => await _app.DisposeAsync();

    [Test]
    public async Task Session_IdlePastTheLimit_NextPageAsksToSignInAgain()
    {
        var page = await SignedInAsync("sen.fp", javaScript: false);
        _clock.Advance(IdleLimit - TimeSpan.FromSeconds(30));
        await page.GotoAsync("/requests");
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo("/requests"), "still signed in just before the limit");

        _clock.Advance(IdleLimit + TimeSpan.FromSeconds(1));
        await page.GotoAsync("/requests");

        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo("/account/sign-in"));
        Assert.That(page.Url, Does.Contain("returnUrl=%2Frequests"), "back where the user was going once signed in again");
    }

    [Test]
    public async Task Session_ActiveWithinTheLimit_KeptLongPastItSliding()
    {
        var page = await SignedInAsync("sen.fp", javaScript: false);

        // Four pages four minutes apart: sixteen minutes signed in, never five idle.
        for (var visit = 1; visit <= 4; visit++)
        {
            _clock.Advance(TimeSpan.FromMinutes(4));
            await page.GotoAsync("/requests");
            Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo("/requests"), $"visit {visit}");
        }

        await Assertions.Expect(page.Locator("header .who")).ToHaveTextAsync("Fatou Ndiaye");
    }

    [Test]
    public void Start_IdleTimeoutNotPositive_RefusedAtStart()
    {
        var failure = Assert.Catch(() => WebApp.StartSqlite(clock: null, new Dictionary<string, string> { ["Pages:IdleTimeout"] = "00:00:00" }));

        Assert.That(failure!.ToString(), Does.Contain("Pages:IdleTimeout must be a positive time span"));
    }
}
