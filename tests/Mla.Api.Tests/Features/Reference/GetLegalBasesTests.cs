using System.Net.Http.Json;
using Mla.Api.Features.Reference;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Infrastructure;

namespace Mla.Api.Tests.Features.Reference;

public sealed class GetLegalBasesTests(DatabaseEngine engine) : ApiTest(engine)
{
    [Test]
    public async Task GetLegalBases_SeededDatabase_ReturnsConventionsBilateralTreatyAndReciprocity()
    {
        using var client = await CreateSignedInClientAsync();

        var bases = await client.GetFromJsonAsync<List<LegalBasisDto>>("/api/reference/legal-bases") ?? [];

        Assert.That(bases.Select(basis => basis.Code), Is.EquivalentTo(new[]
        {
            "ecowas-mla-1992", "ecowas-extradition-1994", "untoc-2000", "uncac-2003", "un-drugs-1988",
            "terrorism-financing-1999", "bilateral-treaty", "reciprocity",
        }));
        var ecowasExtradition = bases.Single(basis => basis.Code == "ecowas-extradition-1994");
        Assert.Multiple(() =>
        {
            Assert.That(ecowasExtradition.AppliesToExtradition, Is.True);
            Assert.That(ecowasExtradition.AppliesToMla, Is.False);
            Assert.That(ecowasExtradition.Name, Does.Contain("A/P1/8/94"));
            Assert.That(bases.Single(basis => basis.Code == "reciprocity").Category, Is.EqualTo("reciprocity"));
            Assert.That(bases, Has.All.Matches<LegalBasisDto>(basis => basis!.IsActive));
        });
    }
}
