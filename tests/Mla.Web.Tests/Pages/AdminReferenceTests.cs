using System.Text.Json;
using Microsoft.Playwright;
using Mla.Web.Tests.Infrastructure;

namespace Mla.Web.Tests.Pages;

/// <summary>
/// The administrator's reference-data pages: each form changes what the API then answers; a refused value is
/// shown next to its field, with everything typed kept, and changes nothing; other roles are denied.
/// </summary>
[TestFixture("sqlite")]
[TestFixture("postgres")]
public sealed class AdminReferenceTests(string engine) : EngineBrowserTest(engine)
{
    private const string Invalid = "Cette valeur n’est pas acceptée.";

    [Test]
    public async Task LegalBasis_Added_TheApiListsIt()
    {
        var admin = await SignedInAsync("admin", javaScript: false);
        await admin.GotoAsync("/admin");
        await admin.ClickAsync("a[href='/admin/legal-bases']");
        await admin.FillAsync("#f-input-code", "mli-sen-extradition-1965");
        await admin.FillAsync("#f-input-name", "Extradition treaty between Mali and Senegal");
        await admin.FillAsync("#f-input-namefr", "Traité d’extradition entre le Mali et le Sénégal");
        await admin.SelectOptionAsync("#f-input-category", "bilateral");
        await admin.CheckAsync("#f-input-appliestoextradition");
        await SubmitAsync(admin);

        Assert.That(new Uri(admin.Url).AbsolutePath, Is.EqualTo("/admin/legal-bases"));
        await Assertions.Expect(admin.Locator("table.list tbody tr", new() { HasText = "mli-sen-extradition-1965" })).ToContainTextAsync("Traité bilatéral");
        var basis = (await ApiAsync("/api/reference/legal-bases")).EnumerateArray().Single(b => b.GetProperty("code").GetString() == "mli-sen-extradition-1965");
        Assert.That(basis.GetProperty("nameFr").GetString(), Is.EqualTo("Traité d’extradition entre le Mali et le Sénégal"));
        Assert.That(basis.GetProperty("category").GetString(), Is.EqualTo("bilateral"));
        Assert.That((basis.GetProperty("appliesToMla").GetBoolean(), basis.GetProperty("appliesToExtradition").GetBoolean()), Is.EqualTo((false, true)));
    }

    [Test]
    public async Task LegalBasis_BadCodeAndNoKind_ErrorsNextToTheirFieldsTypedValuesKeptNothingAdded()
    {
        var before = (await ApiAsync("/api/reference/legal-bases")).GetArrayLength();
        var admin = await SignedInAsync("admin", javaScript: false);
        await admin.GotoAsync("/admin/legal-bases");
        await admin.FillAsync("#f-input-code", "Traité Mali Sénégal");
        await admin.FillAsync("#f-input-name", "Mali Senegal treaty");
        await admin.FillAsync("#f-input-namefr", "Traité Mali Sénégal");
        await admin.SelectOptionAsync("#f-input-category", "bilateral");
        await admin.ClickAsync("main form button[type=submit]");

        var code = admin.Locator("#f-input-code");
        await Assertions.Expect(code).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(code).ToHaveAttributeAsync("aria-describedby", "f-input-code-hint f-input-code-error");
        await Assertions.Expect(admin.Locator("#f-input-code-error")).ToContainTextAsync(Invalid);
        await Assertions.Expect(admin.Locator("#f-input-appliestomla-error")).ToBeVisibleAsync();
        await Assertions.Expect(admin.Locator(".error-summary a[href='#f-input-code']")).ToHaveCountAsync(1);
        await Assertions.Expect(code).ToHaveValueAsync("Traité Mali Sénégal");
        await Assertions.Expect(admin.Locator("#f-input-name")).ToHaveValueAsync("Mali Senegal treaty");
        await Assertions.Expect(admin.Locator("#f-input-category")).ToHaveValueAsync("bilateral");
        Assert.That((await ApiAsync("/api/reference/legal-bases")).GetArrayLength(), Is.EqualTo(before));
    }

    [Test]
    public async Task LegalBasis_CodeTaken_ErrorNextToTheCode()
    {
        var admin = await SignedInAsync("admin", javaScript: false);
        await admin.GotoAsync("/admin/legal-bases");
        await admin.FillAsync("#f-input-code", "ecowas-mla-1992");
        await admin.FillAsync("#f-input-name", "Again");
        await admin.FillAsync("#f-input-namefr", "Encore");
        await admin.SelectOptionAsync("#f-input-category", "multilateral");
        await admin.CheckAsync("#f-input-appliestomla");
        await admin.ClickAsync("main form button[type=submit]");

        await Assertions.Expect(admin.Locator("#f-input-code-error")).ToContainTextAsync("Ce code est déjà utilisé");
        var basis = (await ApiAsync("/api/reference/legal-bases")).EnumerateArray().Single(b => b.GetProperty("code").GetString() == "ecowas-mla-1992");
        Assert.That(basis.GetProperty("nameFr").GetString(), Is.Not.EqualTo("Encore"));
    }

    [Test]
    public async Task StateLanguages_Changed_TheApiReturnsThemInOrder()
    {
        var admin = await SignedInAsync("admin", javaScript: false);
        await admin.GotoAsync("/admin/states");
        await admin.ClickAsync("a[href='/admin/states/TCD']");
        await Assertions.Expect(admin.Locator("#f-languages")).ToHaveValueAsync("fr, ar");
        await admin.FillAsync("#f-languages", "ar, fr");
        await SubmitAsync(admin, "form[action*='Languages'] button[type=submit]");

        await Assertions.Expect(admin.Locator("#f-languages")).ToHaveValueAsync("ar, fr");
        Assert.That(Languages(await StateAsync("TCD")), Is.EqualTo(new[] { "ar", "fr" }));
    }

    [Test]
    public async Task StateLanguages_UnknownCode_ErrorNextToTheFieldAndUnchanged()
    {
        var admin = await SignedInAsync("admin", javaScript: false);
        var before = Languages(await StateAsync("MRT"));
        await admin.GotoAsync("/admin/states/MRT");
        await admin.FillAsync("#f-languages", "ar, xx");
        await admin.ClickAsync("form[action*='Languages'] button[type=submit]");

        await Assertions.Expect(admin.Locator("#f-languages")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(admin.Locator("#f-languages-error")).ToContainTextAsync(Invalid);
        await Assertions.Expect(admin.Locator("#f-languages")).ToHaveValueAsync("ar, xx");
        Assert.That(Languages(await StateAsync("MRT")), Is.EqualTo(before));
    }

    [Test]
    public async Task NetworkMembers_StateAddedThenRemoved_TheApiFollows()
    {
        var admin = await SignedInAsync("admin", javaScript: false);
        await admin.GotoAsync("/admin/networks");
        await admin.ClickAsync("a[href='/admin/networks/sjcp']");
        await admin.CheckAsync("input[name=Members][value=GIN]");
        await SubmitAsync(admin);
        Assert.That(await MembersAsync("sjcp"), Is.EquivalentTo(new[] { "BFA", "GIN", "MLI", "MRT", "NER", "SEN", "TCD" }));
        await Assertions.Expect(admin.Locator("input[name=Members][value=GIN]")).ToBeCheckedAsync();

        // Back as seeded, so the other tests' plenary reports see the platform's six States.
        await admin.UncheckAsync("input[name=Members][value=GIN]");
        await SubmitAsync(admin);
        Assert.That(await MembersAsync("sjcp"), Is.EquivalentTo(new[] { "BFA", "MLI", "MRT", "NER", "SEN", "TCD" }));
    }

    [Test]
    public async Task NetworkMembers_NoneChecked_ErrorOnTheListAndUnchanged()
    {
        var admin = await SignedInAsync("admin", javaScript: false);
        var before = await MembersAsync("wacap");
        await admin.GotoAsync("/admin/networks/wacap");
        foreach (var box in await admin.Locator("input[name=Members]").AllAsync())
        {
            await box.UncheckAsync();
        }

        await admin.ClickAsync("main form button[type=submit]");

        await Assertions.Expect(admin.Locator("#f-members")).ToHaveAttributeAsync("aria-describedby", "f-members-error");
        await Assertions.Expect(admin.Locator("#f-members-error")).ToContainTextAsync("Ce champ est obligatoire.");
        Assert.That(await MembersAsync("wacap"), Is.EquivalentTo(before));
    }

    [Test]
    public async Task CentralAuthority_Edited_TheDirectoryShowsIt()
    {
        var admin = await SignedInAsync("admin", javaScript: false);
        await admin.GotoAsync("/admin/states/GMB");
        await admin.FillAsync("#f-authority-name", "Attorney General's Chambers and Ministry of Justice");
        await admin.FillAsync("#f-authority-address", "Marina Parade\nBanjul");
        await admin.FillAsync("#f-authority-phone", "+220 422 0000");
        await admin.FillAsync("#f-authority-email", "mla@moj.gov.gm");
        await admin.FillAsync("#f-authority-letterhead", "Republic of The Gambia\nMinistry of Justice");
        await SubmitAsync(admin, "form[action*='Authority'] button[type=submit]");

        var authority = await CentralAuthorityAsync("GMB");
        Assert.That(authority.GetProperty("name").GetString(), Is.EqualTo("Attorney General's Chambers and Ministry of Justice"));
        Assert.That(authority.GetProperty("address").GetString(), Is.EqualTo("Marina Parade\nBanjul"));
        Assert.That(authority.GetProperty("phone").GetString(), Is.EqualTo("+220 422 0000"));
        Assert.That(authority.GetProperty("email").GetString(), Is.EqualTo("mla@moj.gov.gm"));
        Assert.That(authority.GetProperty("letterhead").EnumerateArray().Select(line => line.GetString()), Is.EqualTo(new[] { "Republic of The Gambia", "Ministry of Justice" }));
        await Assertions.Expect(admin.Locator("#f-authority-email")).ToHaveValueAsync("mla@moj.gov.gm");
    }

    [Test]
    public async Task CentralAuthority_BadEmail_ErrorNextToItTypedValuesKeptUnchanged()
    {
        var admin = await SignedInAsync("admin", javaScript: false);
        var before = (await CentralAuthorityAsync("GHA")).GetRawText();
        await admin.GotoAsync("/admin/states/GHA");
        await admin.FillAsync("#f-authority-phone", "+233 30 000 0000");
        await admin.FillAsync("#f-authority-email", "not an address");
        await admin.ClickAsync("form[action*='Authority'] button[type=submit]");

        await Assertions.Expect(admin.Locator("#f-authority-email")).ToHaveAttributeAsync("aria-invalid", "true");
        await Assertions.Expect(admin.Locator("#f-authority-email-error")).ToContainTextAsync(Invalid);
        await Assertions.Expect(admin.Locator("#f-authority-email")).ToHaveValueAsync("not an address");
        await Assertions.Expect(admin.Locator("#f-authority-phone")).ToHaveValueAsync("+233 30 000 0000");
        Assert.That((await CentralAuthorityAsync("GHA")).GetRawText(), Is.EqualTo(before));
    }

    [Test]
    public async Task ReferencePages_InEnglishAndPortuguese_TheirOwnWords()
    {
        var english = await SignedInAsync("admin", language: "en", javaScript: false);
        await english.GotoAsync("/admin/states/SEN");
        await Assertions.Expect(english.Locator("#languages-title")).ToHaveTextAsync("Accepted languages");
        await Assertions.Expect(english.Locator("label[for=f-authority-phone]")).ToHaveTextAsync("Telephone");

        var portuguese = await SignedInAsync("admin", language: "pt", javaScript: false);
        await portuguese.GotoAsync("/admin/legal-bases");
        await Assertions.Expect(portuguese.Locator("h1")).ToHaveTextAsync("Bases jurídicas");
        await Assertions.Expect(portuguese.Locator("html")).ToHaveAttributeAsync("lang", "pt");
    }

    [Test]
    public async Task ReferencePages_NotAnAdministrator_Denied()
    {
        var clerk = await SignedInAsync("mli.ca", javaScript: false);
        foreach (var path in new[] { "/admin/legal-bases", "/admin/states", "/admin/states/MLI", "/admin/networks", "/admin/networks/sjcp" })
        {
            var response = await clerk.GotoAsync(path);
            Assert.That(response!.Status, Is.EqualTo(403), path);
            await Assertions.Expect(clerk.Locator("h1")).ToHaveTextAsync("Non disponible pour votre rôle");
        }

        // Nor can a form be sent from elsewhere: the post is refused and nothing changes.
        var before = Languages(await StateAsync("MLI"));
        var form = clerk.APIRequest.CreateFormData();
        form.Append("Languages", "en");
        var post = await clerk.APIRequest.PostAsync("/admin/states/MLI?handler=Languages", new() { Form = form, MaxRedirects = 0 });
        Assert.That(post.Status, Is.Not.EqualTo(200).And.Not.EqualTo(500));
        Assert.That(Languages(await StateAsync("MLI")), Is.EqualTo(before));
    }

    private async Task<JsonElement> ApiAsync(string path)
    {
        using var api = await ApiClient.SignInAsync(App, "admin");
        return await api.GetAsync(path);
    }

    private async Task<JsonElement> StateAsync(string iso3) =>
        (await ApiAsync("/api/reference/states")).EnumerateArray().Single(state => state.GetProperty("iso3").GetString() == iso3);

    private static string[] Languages(JsonElement state) => [.. state.GetProperty("languages").EnumerateArray().Select(code => code.GetString()!)];

    private async Task<string[]> MembersAsync(string network) =>
        [.. (await ApiAsync("/api/reference/networks")).EnumerateArray().Single(n => n.GetProperty("code").GetString() == network)
            .GetProperty("members").EnumerateArray().Select(code => code.GetString()!)];

    private async Task<JsonElement> CentralAuthorityAsync(string state) =>
        (await ApiAsync("/api/directory")).GetProperty("centralAuthorities").EnumerateArray().Single(a => a.GetProperty("state").GetString() == state);
}
