using System.Net.Http.Json;
using Mla.Api.Features.Reference;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Infrastructure;

namespace Mla.Api.Tests.Features.Reference;

public sealed class GetRefusalGroundsTests(DatabaseEngine engine) : ApiTest(engine)
{
    [Test]
    public async Task GetRefusalGrounds_SeededDatabase_ReturnsSeparateMlaAndExtraditionLists()
    {
        using var client = await CreateSignedInClientAsync();

        var grounds = await client.GetFromJsonAsync<List<RefusalGroundDto>>("/api/reference/refusal-grounds");

        var mla = grounds!.Where(ground => ground.AppliesTo == "mla").Select(ground => ground.Code).ToList();
        var extradition = grounds!.Where(ground => ground.AppliesTo == "extradition").Select(ground => ground.Code).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(mla, Has.Count.EqualTo(10));
            Assert.That(extradition, Has.Count.EqualTo(12));
            Assert.That(mla, Does.Contain("no-dual-criminality"));
            Assert.That(extradition, Does.Contain("death-penalty-without-assurances"));
            // Bank secrecy and fiscal matters are never valid grounds (UNTOC 18(8), 18(22), 16(15)).
            Assert.That(grounds!.Select(ground => ground.Code), Has.None.Contains("bank").And.None.Contains("fiscal"));
        });
    }
}
