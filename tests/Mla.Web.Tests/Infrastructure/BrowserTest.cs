using System.Text.RegularExpressions;
using Microsoft.Playwright;

namespace Mla.Web.Tests.Infrastructure;

/// <summary>What browser tests share: contexts signed in as a demo account, in a language, with or without JavaScript; screenshots.</summary>
public abstract partial class BrowserTest
{
    public const string Password = "Mla-demo-2026!";

    private readonly List<IBrowserContext> _contexts = [];

    protected virtual WebApp App => Browsers.Sqlite;

    [TearDown]
    public async Task CloseContextsAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }

        _contexts.Clear();
    }

    /// <summary>A page in a new browser context; <paramref name="language"/> null: a browser that never chose one.</summary>
    protected async Task<IPage> OpenAsync(string? language = "fr", bool javaScript = true)
    {
        var context = await Browsers.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = App.BaseAddress.ToString().TrimEnd('/'),
            JavaScriptEnabled = javaScript,
            ViewportSize = new ViewportSize { Width = 1200, Height = 900 },
        });
        if (language is not null)
        {
            await context.AddCookiesAsync([new Cookie { Name = "mla.language", Value = language, Url = App.BaseAddress.ToString() }]);
        }

        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    protected async Task<IPage> SignedInAsync(string username, string language = "fr", bool javaScript = true)
    {
        var page = await OpenAsync(language, javaScript);
        await SignInAsync(page, username);
        return page;
    }

    protected static async Task SignInAsync(IPage page, string username, string password = Password)
    {
        await page.GotoAsync("/account/sign-in");
        await page.FillAsync("#f-username", username);
        await page.FillAsync("#f-password", password);
        await page.ClickAsync("form.narrow button[type=submit]");
        await page.WaitForLoadStateAsync();
    }

    /// <summary>Saves the page as a PNG attached to the test's results (and to docs/images when MLA_UI_SCREENSHOTS names that folder).</summary>
    protected static async Task ScreenshotAsync(IPage page, string name)
    {
        var path = Path.Combine(TestContext.CurrentContext.WorkDirectory, "screenshots", $"{name}.png");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = path, FullPage = true });
        TestContext.AddTestAttachment(path, name);
        if (Environment.GetEnvironmentVariable("MLA_UI_SCREENSHOTS") is { Length: > 0 } folder)
        {
            File.Copy(path, Path.Combine(folder, $"ui-{name}.png"), overwrite: true);
        }
    }

    /// <summary>Submits a form and fails with the page's own error summary if the action was refused.</summary>
    protected static async Task SubmitAsync(IPage page, string button = "main form button[type=submit]")
    {
        await page.ClickAsync(button);
        var summary = page.Locator(".error-summary");
        if (await summary.CountAsync() > 0)
        {
            Assert.Fail($"The page refused the form: {await summary.InnerTextAsync()}");
        }
    }

    protected static Guid RequestIdOf(IPage page) => Guid.Parse(RequestIdPattern().Match(page.Url).Value);

    protected static async Task<string> StatusAsync(IPage page) => (await page.InnerTextAsync("#request-status")).Trim();

    [GeneratedRegex("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}")]
    private static partial Regex RequestIdPattern();
}
