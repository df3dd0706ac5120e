using Microsoft.Playwright;

using Mla.Web.Tests.Infrastructure;

namespace Mla.Web.Tests;

/// <summary>One Chromium (Debian's, /usr/bin/chromium) and one application on SQLite for the whole run; each test opens its own contexts.</summary>
[SetUpFixture]
public sealed class Browsers
{
    public const string ChromiumPath = "/usr/bin/chromium";

    private static IPlaywright? _playwright;

    public static IBrowser Browser { get; private set; } = null!;

    public static WebApp Sqlite { get; private set; } = null!;

    [OneTimeSetUp]
    public async Task StartAsync()
    {
        Sqlite = WebApp.StartSqlite();
        _playwright = await Playwright.CreateAsync();
        Browser = await _playwright.Chromium.LaunchAsync(new BrowserTypeLaunchOptions
        {
            ExecutablePath = Environment.GetEnvironmentVariable("MLA_CHROMIUM") ?? ChromiumPath,
            Headless = true,
            Args = ["--no-sandbox"],
        });
    }

    [OneTimeTearDown]
    public async Task StopAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }

        _playwright?.Dispose();
        if (Sqlite is not null)
        {
            await Sqlite.DisposeAsync();
        }
    }
}
