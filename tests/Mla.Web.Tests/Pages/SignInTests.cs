using Microsoft.Playwright;
using Mla.Web.Tests.Infrastructure;

namespace Mla.Web.Tests.Pages;

/// <summary>Cookie sign-in on the API's accounts, and the same pages on PostgreSQL as on SQLite.</summary>
[TestFixture("sqlite")]
[TestFixture("postgres")]
public sealed class SignInTests(string engine) : BrowserTest
{
    private WebApp? _postgres;

    protected override WebApp App => engine == "postgres" ? _postgres! : Browsers.Sqlite;

    [OneTimeSetUp]
    public void StartEngine()
    {
        if (engine == "postgres")
        {
            _postgres = WebApp.StartPostgres();
            if (_postgres is null)
            {
                Assert.Fail("MLA_TEST_POSTGRES is not set: PostgreSQL is required (tests/run.sh starts one); the pages are never checked on SQLite alone.");
            }
        }
    }

    [OneTimeTearDown]
    public async Task StopEngineAsync()
    {
        if (_postgres is not null)
        {
            await _postgres.DisposeAsync();
        }
    }

    [Test]
    public async Task SignIn_WrongPassword_RefusedWithOneMessageAndTheUsernameKept()
    {
        var page = await OpenAsync();
        await SignInAsync(page, "mli.ca", "not-the-password");

        Assert.That(page.Url, Does.Contain("/account/sign-in"));
        await Assertions.Expect(page.Locator(".error-summary")).ToContainTextAsync("Connexion refusée");
        await Assertions.Expect(page.Locator("#f-username")).ToHaveValueAsync("mli.ca");
        await Assertions.Expect(page.Locator("#f-password")).ToHaveValueAsync("");
    }

    [Test]
    public async Task SignIn_DemoAccount_ShowsTheDashboardUntilSignedOut()
    {
        var page = await OpenAsync();
        var first = await page.GotoAsync("/requests");
        Assert.That(page.Url, Does.Contain("/account/sign-in?returnUrl=%2Frequests"), "an anonymous visit is sent to sign in");

        await page.FillAsync("#f-username", "sen.ca");
        await page.FillAsync("#f-password", Password);
        await page.ClickAsync("form.narrow button[type=submit]");
        Assert.That(new Uri(page.Url).AbsolutePath, Is.EqualTo("/requests"), "back where the user was going");
        await Assertions.Expect(page.Locator("header .who")).ToHaveTextAsync("Ousmane Diop");

        await page.ClickAsync("header form.sign-out button");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Déconnexion");
        await page.GotoAsync("/");
        Assert.That(page.Url, Does.Contain("/account/sign-in"));
        Assert.That(first, Is.Not.Null);
    }

    [Test]
    public async Task RequestPage_DemoRequest_ShowsStatusActionsAndVerifiedTimeline()
    {
        var page = await SignedInAsync("sen.ca");
        await page.GotoAsync("/requests?kind=mla&direction=incoming&status=received");
        await page.ClickAsync("table.list tbody tr:first-child a");

        Assert.That(await StatusAsync(page), Is.EqualTo("Reçue"));
        await Assertions.Expect(page.Locator(".actions a.button")).ToContainTextAsync(["Commencer l’exécution", "Demander des informations"]);
        await Assertions.Expect(page.Locator("#chain-state")).ToContainTextAsync("Dossier vérifié");
    }

    [Test]
    public async Task Api_WithThePagesCookieOnly_StaysBearerOnly()
    {
        var page = await SignedInAsync("mli.ca");
        var answer = await page.APIRequest.GetAsync("/api/requests");
        Assert.That(answer.Status, Is.EqualTo(401));
    }
}
