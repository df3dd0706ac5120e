using System.Net;
using System.Net.Http.Json;
using Mla.Api.Features.Admin;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Infrastructure;

namespace Mla.Api.Tests.Features.Admin;

public sealed class ListUsersTests(DatabaseEngine engine) : ApiTest(engine)
{
    [Test]
    public async Task ListUsers_Admin_ReturnsEveryAccountWithoutPasswordHashes()
    {
        await EnsureUserAsync("mli.ca");
        await EnsureUserAsync("sjcp.sec");
        using var admin = await CreateClientAsAsync("admin");

        var response = await admin.GetAsync("/api/admin/users");
        var users = await response.Content.ReadFromJsonAsync<List<UserDto>>();

        Assert.That(users!.Select(user => user.Username), Is.EqualTo(new[] { "admin", "mli.ca", "sjcp.sec" }));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Not.Contain("AQAAAA").And.Not.Contain("passwordHash"));
    }

    [Test]
    public async Task ListUsers_CentralAuthority_Answers403()
    {
        using var client = await CreateClientAsAsync("mli.ca");

        var response = await client.GetAsync("/api/admin/users");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }
}
