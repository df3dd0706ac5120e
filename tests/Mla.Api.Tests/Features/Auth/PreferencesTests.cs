using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mla.Api.Features.Auth;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Infrastructure;

namespace Mla.Api.Tests.Features.Auth;

/// <summary>The signed-in user's language and e-mail notices: <c>PUT /api/me/language</c> and <c>PUT /api/me/notifications</c>.</summary>
public sealed class PreferencesTests(DatabaseEngine engine) : ApiTest(engine)
{
    [Test]
    public async Task GetMe_NewUser_FrenchWithoutNoticesNorUnreadUpdates()
    {
        using var client = await CreateClientAsAsync("sen.fp");

        var me = await client.GetFromJsonAsync<MeDto>("/api/me");

        Assert.Multiple(() =>
        {
            Assert.That(me!.Language, Is.EqualTo("fr"));
            Assert.That(me.Notifications, Is.EqualTo(new NoticePreferences(false, null)));
            Assert.That(me.UnreadUpdates, Is.Zero);
        });
    }

    [TestCase("en")]
    [TestCase("pt")]
    [TestCase("fr")]
    public async Task ChangeLanguage_Supported_KeptForTheUser(string language)
    {
        using var client = await CreateClientAsAsync("sen.fp");

        var response = await client.PutAsJsonAsync("/api/me/language", new { language });
        var me = await client.GetFromJsonAsync<MeDto>("/api/me");

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await response.Content.ReadFromJsonAsync<MeDto>())!.Language, Is.EqualTo(language));
            Assert.That(me!.Language, Is.EqualTo(language));
        });
    }

    [TestCase("ar")]
    [TestCase("EN")]
    [TestCase("")]
    public async Task ChangeLanguage_Unsupported_Returns400AndChangesNothing(string language)
    {
        using var client = await CreateClientAsAsync("sen.fp");

        var response = await client.PutAsJsonAsync("/api/me/language", new { language });
        var me = await client.GetFromJsonAsync<MeDto>("/api/me");

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await ErrorFieldsAsync(response), Does.Contain("language"));
            Assert.That(me!.Language, Is.EqualTo("fr"));
        });
    }

    [Test]
    public async Task ChangeLanguage_OneUser_LeavesOthersAsTheyWere()
    {
        using var senegal = await CreateClientAsAsync("sen.fp");
        using var mali = await CreateClientAsAsync("mli.fp");

        await senegal.PutAsJsonAsync("/api/me/language", new { language = "en" });

        Assert.That((await mali.GetFromJsonAsync<MeDto>("/api/me"))!.Language, Is.EqualTo("fr"));
    }

    [Test]
    public async Task ChangeNotifications_AccountWithoutAddress_OptsInWithTheAddressGiven()
    {
        using var client = await CreateClientAsAsync("sen.fp");

        var response = await client.PutAsJsonAsync("/api/me/notifications", new { email = true, emailAddress = "fp@justice.sn" });
        var me = await client.GetFromJsonAsync<MeDto>("/api/me");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(me!.Notifications, Is.EqualTo(new NoticePreferences(true, "fp@justice.sn")));
        });
    }

    [Test]
    public async Task ChangeNotifications_OptOut_KeepsTheAddress()
    {
        using var client = await CreateClientAsAsync("sen.fp");
        await client.PutAsJsonAsync("/api/me/notifications", new { email = true, emailAddress = "fp@justice.sn" });

        var response = await client.PutAsJsonAsync("/api/me/notifications", new { email = false });
        var me = await client.GetFromJsonAsync<MeDto>("/api/me");

        Assert.Multiple(() =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(me!.Notifications, Is.EqualTo(new NoticePreferences(false, "fp@justice.sn")));
        });
    }

    [Test]
    public async Task ChangeNotifications_OptInWithoutAnyAddress_Returns400AndChangesNothing()
    {
        using var client = await CreateClientAsAsync("sen.fp");

        var response = await client.PutAsJsonAsync("/api/me/notifications", new { email = true });
        var me = await client.GetFromJsonAsync<MeDto>("/api/me");

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await ErrorFieldsAsync(response), Does.Contain("emailAddress"));
            Assert.That(me!.Notifications, Is.EqualTo(new NoticePreferences(false, null)));
        });
    }

    [Test]
    public async Task ChangeNotifications_AnotherAddressThanTheAdministratorsOne_Returns400AndKeepsIt()
    {
        await SendAsync(new Mla.Api.Features.Admin.CreateUserCommand
        {
            Username = "sen.fp9",
            DisplayName = "Focal point",
            Password = TestPassword,
            Role = "focal-point",
            State = "SEN",
            Email = "official@justice.sn",
        });
        using var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new("Bearer", await GetTokenAsync(client, "sen.fp9", TestPassword));

        var redirected = await client.PutAsJsonAsync("/api/me/notifications", new { email = true, emailAddress = "someone@elsewhere.example" });
        var sameAddress = await client.PutAsJsonAsync("/api/me/notifications", new { email = true, emailAddress = "OFFICIAL@justice.sn" });
        var me = await client.GetFromJsonAsync<MeDto>("/api/me");

        Assert.Multiple(async () =>
        {
            Assert.That(redirected.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That(await ErrorFieldsAsync(redirected), Does.Contain("emailAddress"));
            Assert.That(sameAddress.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That(me!.Notifications, Is.EqualTo(new NoticePreferences(true, "official@justice.sn")));
        });
    }

    [TestCase("not an address")]
    [TestCase("a@b.example\nBcc: c@d.example")]
    public async Task ChangeNotifications_MalformedAddress_Returns400(string emailAddress)
    {
        using var client = await CreateClientAsAsync("sen.fp");

        var response = await client.PutAsJsonAsync("/api/me/notifications", new { email = true, emailAddress });

        Assert.Multiple(async () =>
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
            Assert.That((await client.GetFromJsonAsync<MeDto>("/api/me"))!.Notifications.EmailAddress, Is.Null);
        });
    }

    [TestCase("sjcp.sec")]
    [TestCase("admin")]
    public async Task ChangeNotifications_RoleSeeingNoRequest_Returns403(string username)
    {
        using var client = await CreateClientAsAsync(username);

        var response = await client.PutAsJsonAsync("/api/me/notifications", new { email = true, emailAddress = "sec@network.example" });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    private static async Task<IReadOnlyList<string>> ErrorFieldsAsync(HttpResponseMessage response)
    {
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        return problem.RootElement.TryGetProperty("errors", out var errors)
            ? [.. errors.EnumerateObject().Select(error => error.Name)]
            : [];
    }
}
