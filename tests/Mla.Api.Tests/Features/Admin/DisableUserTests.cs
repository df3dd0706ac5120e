using System.Net;
using System.Net.Http.Json;
using Mla.Api.Features.Admin;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Infrastructure;

namespace Mla.Api.Tests.Features.Admin;

public sealed class DisableUserTests(DatabaseEngine engine) : ApiTest(engine)
{
    [Test]
    public async Task DisableUser_Admin_MarksDisabledAndAudits()
    {
        var user = await EnsureUserAsync("ner.fp");
        using var admin = await CreateClientAsAsync("admin");

        var response = await admin.PostAsync($"/api/admin/users/{user.Id}/disable", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        Assert.That((await response.Content.ReadFromJsonAsync<UserDto>())!.IsDisabled, Is.True);
        Assert.That(await CountAsync("audit_entries WHERE action_code = 'disable-user'"), Is.EqualTo(1));
    }

    [Test]
    public async Task DisableUser_UnknownId_Answers404()
    {
        using var admin = await CreateClientAsAsync("admin");

        var response = await admin.PostAsync($"/api/admin/users/{Guid.NewGuid()}/disable", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task DisableUser_Themselves_Answers409()
    {
        var me = await EnsureUserAsync("admin");
        using var admin = await CreateClientAsAsync("admin");

        var response = await admin.PostAsync($"/api/admin/users/{me.Id}/disable", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    [Test]
    public async Task DisableUser_FocalPoint_Answers403()
    {
        var user = await EnsureUserAsync("ner.fp");
        using var client = await CreateClientAsAsync("sen.fp");

        var response = await client.PostAsync($"/api/admin/users/{user.Id}/disable", null);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
