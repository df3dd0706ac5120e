using System.Net.Http.Json;
using Mla.Api.Features.Reference;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Infrastructure;

namespace Mla.Api.Tests.Features.Reference;

public sealed class GetCodeListTests(DatabaseEngine engine) : ApiTest(engine)
{
    [Test]
    public async Task GetOffenceCategories_SeededDatabase_ReturnsTheRegionsPriorities()
    {
        var codes = await GetCodesAsync("/api/reference/offence-categories");

        Assert.That(codes, Has.Count.EqualTo(13));
        Assert.That(codes, Does.Contain("terrorism").And.Contain("kidnapping-for-ransom").And.Contain("money-laundering").And.Contain("other"));
    }

    [Test]
    public async Task GetAssistanceTypes_SeededDatabase_ReturnsEveryTypeOfAssistance()
    {
        var codes = await GetCodesAsync("/api/reference/assistance-types");

        Assert.That(codes, Has.Count.EqualTo(14));
        Assert.That(codes, Does.Contain("service-of-documents").And.Contain("videoconference-hearing").And.Contain("electronic-evidence"));
    }

    [Test]
    public async Task GetPersonRoles_SeededDatabase_ReturnsEveryRole()
    {
        var codes = await GetCodesAsync("/api/reference/person-roles");

        Assert.That(codes, Is.EquivalentTo(new[]
        {
            "suspect", "accused", "defendant", "accused-at-trial", "convicted-person", "person-sought", "witness", "victim", "expert", "asset-holder",
            "person-to-be-served", "other",
        }));
    }

    [Test]
    public async Task GetCodeList_French_NamesAreAccented()
    {
        using var client = await CreateSignedInClientAsync();

        var types = await client.GetFromJsonAsync<List<CodeNameDto>>("/api/reference/assistance-types");

        Assert.That(types!.Single(type => type.Code == "videoconference-hearing").NameFr, Is.EqualTo("Audition par vidéoconférence"));
    }

    private async Task<List<string>> GetCodesAsync(string path)
    {
        using var client = await CreateSignedInClientAsync();
        var items = await client.GetFromJsonAsync<List<CodeNameDto>>(path);
        return items!.Select(item => item.Code).ToList();
    }
}
