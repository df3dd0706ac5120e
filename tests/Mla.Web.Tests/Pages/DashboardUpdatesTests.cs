using Microsoft.Playwright;
using Mla.Web.Tests.Infrastructure;

namespace Mla.Web.Tests.Pages;

/// <summary>The dashboard's unread updates: what moved on the State's requests, until the user marks them read.</summary>
[TestFixture("sqlite")]
[TestFixture("postgres")]
public sealed class DashboardUpdatesTests(string engine) : EngineBrowserTest(engine)
{
    [Test]
    public async Task Dashboard_MaliTransmitsToSenegal_SenegalSeesItUnreadUntilMarkedReadAndNigerNothing()
    {
        var focalPoint = await SignedInAsync("sen.fp", javaScript: false);
        var thirdState = await SignedInAsync("ner.ca", javaScript: false);
        await MarkAllReadAsync(focalPoint);
        await MarkAllReadAsync(thirdState);

        using var mali = await ApiClient.SignInAsync(App, "mli.ca");
        var (id, reference) = await mali.TransmitMlaAsync("SEN");

        await focalPoint.GotoAsync("/");
        var updates = focalPoint.Locator("#unread-updates");
        // The feed's own count (as /api/me): the draft's creation reaches Senegal with its transmission.
        await Assertions.Expect(updates.Locator(".unread-count")).ToHaveTextAsync("Non lues : 2");
        await Assertions.Expect(updates.Locator("ul.updates li")).ToHaveCountAsync(2);
        var item = updates.Locator("ul.updates li").First;
        await Assertions.Expect(item).ToContainTextAsync(reference);
        await Assertions.Expect(item).ToContainTextAsync("Transmise");
        await Assertions.Expect(item).ToContainTextAsync("Mali");
        await Assertions.Expect(item.Locator("a")).ToHaveAttributeAsync("href", $"/requests/{id}");
        await ScreenshotAsync(focalPoint, "dashboard-unread-updates");

        // The form as shown, sent twice (a double click, a page sent again after a dropped connection): both are fine.
        var form = focalPoint.APIRequest.CreateFormData();
        foreach (var name in new[] { "until", "__RequestVerificationToken" })
        {
            form.Append(name, (await updates.Locator($"form input[name='{name}']").GetAttributeAsync("value"))!);
        }

        var first = await focalPoint.APIRequest.PostAsync("/?handler=MarkRead", new() { Form = form, MaxRedirects = 0 });
        var second = await focalPoint.APIRequest.PostAsync("/?handler=MarkRead", new() { Form = form, MaxRedirects = 0 });
        Assert.That((first.Status, second.Status), Is.EqualTo((302, 302)));

        await focalPoint.GotoAsync("/");
        await Assertions.Expect(updates.Locator(".unread-count")).ToHaveTextAsync("Non lues : 0");
        await Assertions.Expect(updates.Locator("ul.updates")).ToHaveCountAsync(0);
        using var senegal = await ApiClient.SignInAsync(App, "sen.fp");
        Assert.That((await senegal.GetAsync("/api/me")).GetProperty("unreadUpdates").GetInt64(), Is.Zero, "the API sees the same mark");

        // The full list keeps it, read or not.
        await focalPoint.GotoAsync("/updates");
        await Assertions.Expect(focalPoint.Locator("ul.updates li", new() { HasText = reference })).ToHaveCountAsync(2);
        await Assertions.Expect(focalPoint.Locator("#error-summary")).ToHaveCountAsync(0);
        // A pager link's number is read (not Razor Pages' "page" route value, the page's path).
        await focalPoint.GotoAsync("/updates?page=2");
        await Assertions.Expect(focalPoint.Locator("#error-summary")).ToHaveCountAsync(0);
        await Assertions.Expect(focalPoint.Locator("nav.pager a[rel=prev]")).ToHaveAttributeAsync("href", "/updates?page=1");

        await thirdState.GotoAsync("/");
        await Assertions.Expect(thirdState.Locator("#unread-updates .unread-count")).ToHaveTextAsync("Non lues : 0");
        await Assertions.Expect(thirdState.Locator("main")).Not.ToContainTextAsync(reference);
        await thirdState.GotoAsync("/updates");
        await Assertions.Expect(thirdState.Locator("main")).Not.ToContainTextAsync(reference);
    }

    [Test]
    public async Task MarkRead_ByKeyboardWithoutJavaScript_SubmitsThePageOwnForm()
    {
        var clerk = await SignedInAsync("mli.ca", language: "en", javaScript: false);
        await MarkAllReadAsync(clerk);
        using var mali = await ApiClient.SignInAsync(App, "mli.ca");
        await mali.TransmitMlaAsync("SEN");

        await clerk.GotoAsync("/");
        await Assertions.Expect(clerk.Locator("#unread-updates .unread-count")).Not.ToHaveTextAsync("Unread: 0");
        await clerk.Locator("#unread-updates form button").FocusAsync();
        await clerk.Keyboard.PressAsync("Enter");
        await clerk.WaitForURLAsync(url => new Uri(url).AbsolutePath == "/");
        await Assertions.Expect(clerk.Locator("#unread-updates .unread-count")).ToHaveTextAsync("Unread: 0");
    }

    [Test]
    public async Task MarkRead_AForgedInstant_RefusedOnThePageAndNothingMarked()
    {
        var focalPoint = await SignedInAsync("sen.fp", javaScript: false);
        await MarkAllReadAsync(focalPoint);
        using var mali = await ApiClient.SignInAsync(App, "mli.ca");
        await mali.TransmitMlaAsync("SEN");
        await focalPoint.GotoAsync("/");

        var form = focalPoint.APIRequest.CreateFormData();
        form.Append("__RequestVerificationToken", (await focalPoint.Locator("#unread-updates form input[name=__RequestVerificationToken]").GetAttributeAsync("value"))!);
        form.Append("until", "2999-01-01T00:00:00.0000000+00:00");
        var refused = await focalPoint.APIRequest.PostAsync("/?handler=MarkRead", new() { Form = form, MaxRedirects = 0 });

        Assert.That(refused.Status, Is.EqualTo(200), "the page again, with its message; never a 500");
        Assert.That(await refused.TextAsync(), Does.Contain("error-summary"));
        await focalPoint.GotoAsync("/");
        await Assertions.Expect(focalPoint.Locator("#unread-updates .unread-count")).Not.ToHaveTextAsync("Non lues : 0");
    }

    private static async Task MarkAllReadAsync(IPage page)
    {
        await page.GotoAsync("/");
        var button = page.Locator("#unread-updates form button");
        if (await button.CountAsync() > 0)
        {
            await button.ClickAsync();
        }

        await Assertions.Expect(page.Locator("#unread-updates .unread-count")).ToHaveTextAsync(new System.Text.RegularExpressions.Regex(@"\s0$"));
    }
}
