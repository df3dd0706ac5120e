using System.Net.Http.Json;
using Mla.Api.Features.Reference;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Infrastructure;

namespace Mla.Api.Tests.Features.Reference;

public sealed class GetNetworksTests(DatabaseEngine engine) : ApiTest(engine)
{
    [Test]
    public async Task GetNetworks_SeededDatabase_ReturnsSjcpAndWacapWithTheirMembers()
    {
        using var client = await CreateSignedInClientAsync();

        var networks = await client.GetFromJsonAsync<List<NetworkDto>>("/api/reference/networks") ?? [];

        Assert.That(networks.Select(network => network.Code), Is.EqualTo(new[] { "sjcp", "wacap" }));
        var sjcp = networks.Single(network => network.Code == "sjcp");
        var wacap = networks.Single(network => network.Code == "wacap");
        Assert.Multiple(() =>
        {
            Assert.That(sjcp.Members, Is.EquivalentTo(new[] { "BFA", "MLI", "MRT", "NER", "SEN", "TCD" }));
            Assert.That(sjcp.FoundedYear, Is.EqualTo(2010));
            Assert.That(wacap.Members, Has.Count.EqualTo(16), "the 15 ECOWAS States and Mauritania");
            Assert.That(wacap.Members, Does.Contain("MRT").And.Not.Contain("TCD"));
            Assert.That(wacap.FoundedYear, Is.EqualTo(2013));
        });
    }
}
