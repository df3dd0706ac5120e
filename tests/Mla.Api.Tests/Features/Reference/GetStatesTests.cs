using System.Net;
using System.Net.Http.Json;
using Mla.Api.Features.Reference;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Infrastructure;

namespace Mla.Api.Tests.Features.Reference;

public sealed class GetStatesTests(DatabaseEngine engine) : ApiTest(engine)
{
    [Test]
    public async Task GetStates_SeededDatabase_ReturnsTheSeventeenStatesWithLanguagesAndNetworks()
    {
        using var client = await CreateSignedInClientAsync();

        var response = await client.GetAsync("/api/reference/states");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var states = await response.Content.ReadFromJsonAsync<List<StateDto>>();
        Assert.That(states, Has.Count.EqualTo(17));
        Assert.That(states!.Select(state => state.Iso3), Is.EquivalentTo(new[]
        {
            "BEN", "BFA", "CPV", "CIV", "GMB", "GHA", "GIN", "GNB", "LBR", "MLI", "MRT", "NER", "NGA", "SEN", "SLE", "TCD", "TGO",
        }));
        var mauritania = states.Single(state => state.Iso3 == "MRT");
        Assert.Multiple(() =>
        {
            Assert.That(mauritania.Name, Is.EqualTo("Mauritania"));
            Assert.That(mauritania.Languages, Is.EqualTo(new[] { "ar", "fr" }), "in order of preference");
            Assert.That(mauritania.Networks, Is.EquivalentTo(new[] { "sjcp", "wacap" }));
            Assert.That(states.Single(state => state.Iso3 == "TCD").Networks, Is.EqualTo(new[] { "sjcp" }));
            Assert.That(states.Single(state => state.Iso3 == "CPV").Languages, Is.EqualTo(new[] { "pt" }));
            Assert.That(states.Single(state => state.Iso3 == "CIV").Name, Is.EqualTo("Côte d'Ivoire"));
        });
    }
}
