using System.Net.Http.Json;
using Mla.Api.Features.Auth;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Infrastructure;

namespace Mla.Api.Tests.Features.Auth;

public sealed class GetMeTests(DatabaseEngine engine) : ApiTest(engine)
{
    [TestCase("mli.ca", "central-authority", "MLI", null, "transmit-requests")]
    [TestCase("sen.fp", "focal-point", "SEN", null, "acknowledge-receipt")]
    [TestCase("mli.pros", "prosecutor", "MLI", null, "add-notes")]
    [TestCase("sjcp.sec", "secretariat", null, "sjcp", "export-network-statistics")]
    [TestCase("wacap.sec", "secretariat", null, "wacap", "view-network-statistics")]
    [TestCase("admin", "admin", null, null, "manage-users")]
    public async Task GetMe_EachDemoRole_ReturnsUserRoleScopeAndPermissions(string username, string role, string? state, string? network, string permission)
    {
        using var client = await CreateClientAsAsync(username);

        var me = await client.GetFromJsonAsync<MeDto>("/api/me");

        Assert.Multiple(() =>
        {
            Assert.That(me!.Username, Is.EqualTo(username));
            Assert.That(me.Role, Is.EqualTo(role));
            Assert.That(me.State, Is.EqualTo(state));
            Assert.That(me.Network, Is.EqualTo(network));
            Assert.That(me.Permissions, Does.Contain(permission));
        });
    }

    [Test]
    public async Task GetMe_Prosecutor_MayNotTransmitOrRefuse()
    {
        using var client = await CreateClientAsAsync("sen.pros");

        var me = await client.GetFromJsonAsync<MeDto>("/api/me");

        Assert.That(me!.Permissions, Does.Not.Contain("transmit-requests").And.Not.Contain("refuse-requests").And.Not.Contain("draft-requests"));
    }

    [Test]
    public async Task GetMe_FocalPoint_MayNeverDraftTransmitRefuseOrWithdraw()
    {
        using var client = await CreateClientAsAsync("mli.fp");

        var me = await client.GetFromJsonAsync<MeDto>("/api/me");

        Assert.That(me!.Permissions, Has.None.AnyOf("draft-requests", "transmit-requests", "refuse-requests", "withdraw-requests"));
    }
}
