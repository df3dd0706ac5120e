using System.Globalization;
using Microsoft.Playwright;
using Mla.Web.Tests.Infrastructure;

namespace Mla.Web.Tests.Pages;

/// <summary>French by default, English and Portuguese on choice: words, &lt;html lang&gt;, dates in the language's culture.</summary>
public sealed class LanguageTests : BrowserTest
{
    [TestCase("fr", "fr-FR", "Connexion", "Tableau de bord", "Demandes")]
    [TestCase("en", "en-GB", "Sign in", "Dashboard", "Requests")]
    [TestCase("pt", "pt-PT", "Iniciar sessão", "Painel", "Pedidos")]
    public async Task Pages_InTheChosenLanguage_WordsLangAndDates(string language, string culture, string signIn, string dashboard, string requests)
    {
        var page = await OpenAsync(language);
        await page.GotoAsync("/account/sign-in");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", language);
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(signIn);

        await SignInAsync(page, "mli.ca");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(dashboard);
        await page.GotoAsync("/requests");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync(requests);
        var month = DateTime.UtcNow.ToString("MMMM", CultureInfo.GetCultureInfo(culture));
        await Assertions.Expect(page.Locator("table.list tbody")).ToContainTextAsync(month);
        await ScreenshotAsync(page, $"requests-{language}");
    }

    [Test]
    public async Task Account_ChoosingEnglish_RemembersItOnEveryPage()
    {
        var page = await SignedInAsync("sen.fp");
        await page.GotoAsync("/account");
        await page.CheckAsync("#language-en");
        await page.ClickAsync("main form button[type=submit]");

        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "en");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("My account");
        await page.GotoAsync("/");
        await Assertions.Expect(page.Locator("h1")).ToHaveTextAsync("Dashboard");
    }

    [Test]
    public async Task Account_ChoosingPortuguese_FollowsTheUserToAnotherBrowser()
    {
        var page = await SignedInAsync("sen.pros");
        await page.GotoAsync("/account");
        await page.CheckAsync("#language-pt");
        await page.ClickAsync("main form button[type=submit]");
        await Assertions.Expect(page.Locator("html")).ToHaveAttributeAsync("lang", "pt");

        var otherBrowser = await OpenAsync(language: null);
        await SignInAsync(otherBrowser, "sen.pros");

        await Assertions.Expect(otherBrowser.Locator("html")).ToHaveAttributeAsync("lang", "pt");
    }

    [Test]
    public async Task Account_NoticesToAnotherAddressThanTheAccounts_RefusedBesideTheFieldThenOptedIn()
    {
        // The demo account has an address an administrator set: a session may not redirect notices elsewhere.
        var page = await SignedInAsync("mli.fp");
        await page.GotoAsync("/account");
        await page.CheckAsync("#f-email");
        await page.FillAsync("#f-emailaddress", "someone@elsewhere.invalid");
        await page.ClickAsync("form[action*=Notices] button[type=submit]");
        await Assertions.Expect(page.Locator(".error-summary")).ToBeVisibleAsync();
        await Assertions.Expect(page.Locator("#f-emailaddress")).ToHaveAttributeAsync("aria-invalid", "true");

        await page.CheckAsync("#f-email");
        await page.FillAsync("#f-emailaddress", "");
        await page.ClickAsync("form[action*=Notices] button[type=submit]");

        await Assertions.Expect(page.Locator(".error-summary")).ToHaveCountAsync(0);
        await Assertions.Expect(page.Locator("#f-email")).ToBeCheckedAsync();
        await Assertions.Expect(page.Locator("#f-emailaddress")).ToHaveValueAsync("mli.fp@demo.mla.invalid");
    }
}
