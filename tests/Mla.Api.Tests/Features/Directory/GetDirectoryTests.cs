using System.Net;
using System.Net.Http.Json;
using Mla.Api.Features.Directory;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Infrastructure;

namespace Mla.Api.Tests.Features.Directory;

public sealed class GetDirectoryTests(DatabaseEngine engine) : ApiTest(engine)
{
    [TestCase("mli.pros")]
    [TestCase("sjcp.sec")]
    [TestCase("admin")]
    public async Task GetDirectory_AnySignedInUser_ListsEveryCentralAuthorityAndTheFocalPoints(string username)
    {
        await EnsureUserAsync("sen.fp");
        await EnsureUserAsync("ner.fp");
        using var client = await CreateClientAsAsync(username);

        var directory = await client.GetFromJsonAsync<DirectoryDto>("/api/directory");

        Assert.That(directory!.CentralAuthorities, Has.Count.EqualTo(17));
        var niger = directory.CentralAuthorities.Single(authority => authority.State == "NER");
        Assert.That(niger.Networks, Is.EquivalentTo(new[] { "sjcp", "wacap" }));
        Assert.That(niger.Languages, Is.EqualTo(new[] { "fr" }));
        Assert.That(directory.ContactPoints.Select(contact => contact.State), Is.EqualTo(new[] { "NER", "SEN" }));
        var senegal = directory.ContactPoints.Single(contact => contact.State == "SEN");
        Assert.That(senegal.Function, Is.EqualTo("Function of sen.fp"));
        Assert.That(senegal.Role, Is.EqualTo("focal-point"));
    }

    [Test]
    public async Task GetDirectory_DisabledFocalPoint_IsNoLongerListed()
    {
        var gone = await EnsureUserAsync("sen.fp");
        using var admin = await CreateClientAsAsync("admin");
        (await admin.PostAsync($"/api/admin/users/{gone.Id}/disable", null)).EnsureSuccessStatusCode();

        var directory = await admin.GetFromJsonAsync<DirectoryDto>("/api/directory");

        Assert.That(directory!.ContactPoints, Is.Empty);
    }

    [Test]
    public async Task GetDirectory_NoToken_Answers401()
    {
        using var client = CreateClient();

        Assert.That((await client.GetAsync("/api/directory")).StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }
}
