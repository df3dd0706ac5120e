using System.Net;
using System.Net.Http.Json;
using Mla.Api.Features.Directory;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Features.Requests;
using static Mla.Api.Tests.Features.Documents.DocumentTestFiles;

namespace Mla.Api.Tests.Features.Admin;

/// <summary>
/// A central authority's official names per language and its city: an administrator changes them, the directory
/// publishes them, and the next letter prints them (addressee in the letter's language, place line). Left out,
/// they stay as they are, so existing callers change nothing they do not send.
/// </summary>
public sealed class UpdateCentralAuthorityTests(DatabaseEngine engine) : RequestTest(engine)
{
    private const string GhanaInEnglish = "Central Authority for Mutual Legal Assistance — Office of the Attorney-General (Ghana)";

    protected override bool ResetsReferenceData => true;

    // The next fixture may not reset reference data: leave the seeded names and cities behind, not Koulouba.
    [TearDown]
    public Task RestoreReferenceData() => ResetDatabase();

    [Test]
    public async Task UpdateCentralAuthority_EnglishNameAndCity_InTheDirectoryAndOnTheNextEnglishLetter()
    {
        using var admin = await CreateClientAsAsync("admin");
        var ghana = await DirectoryEntryAsync(admin, "GHA");
        var mali = await DirectoryEntryAsync(admin, "MLI");

        var renamed = await admin.PutAsJsonAsync("/api/admin/reference/states/GHA/central-authority", Body(ghana, nameEn: GhanaInEnglish));
        var moved = await admin.PutAsJsonAsync("/api/admin/reference/states/MLI/central-authority", Body(mali, city: "Koulouba"));

        using var maliCa = await CreateClientAsAsync("mli.ca");
        var directory = (await maliCa.GetFromJsonAsync<DirectoryDto>("/api/directory", Json))!;
        var draft = MlaDraft("GHA");
        draft["language"] = "en";
        var transmitted = await StepAsync(maliCa, await CreateDraftAsync(maliCa, draft), "transmit", new { occurredOn = TodayText, channel = "central-authority", language = "en" });
        var text = Squeeze(Text(await (await maliCa.GetAsync($"/api/requests/{transmitted.Id}/document")).Content.ReadAsByteArrayAsync()));

        var ghanaListed = directory.CentralAuthorities.Single(authority => authority.State == "GHA");
        var maliListed = directory.CentralAuthorities.Single(authority => authority.State == "MLI");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(renamed.StatusCode, Is.EqualTo(HttpStatusCode.OK), await renamed.Content.ReadAsStringAsync());
            Assert.That(moved.StatusCode, Is.EqualTo(HttpStatusCode.OK), await moved.Content.ReadAsStringAsync());
            Assert.That(ghanaListed.NameEn, Is.EqualTo(GhanaInEnglish));
            Assert.That(ghanaListed.NameFr, Is.EqualTo("Autorité centrale — Ministère de la Justice (Ghana)"), "left out: unchanged");
            Assert.That(ghanaListed.City, Is.EqualTo("Accra"), "left out: unchanged");
            Assert.That(maliListed.City, Is.EqualTo("Koulouba"));
            Assert.That(maliListed.NameEn, Is.EqualTo(mali.NameEn), "left out: unchanged");
            Assert.That(text, Does.Contain(Squeeze($"To {GhanaInEnglish}")), "the addressee block");
            Assert.That(text, Does.Contain(Squeeze("Koulouba,")).And.Not.Contain(Squeeze("Bamako,")), "the place line");
            Assert.That(await CountAsync("audit_entries WHERE action_code = 'update-central-authority'"), Is.EqualTo(2));
        }
    }

    [Test]
    public async Task UpdateCentralAuthority_EmptyCity_ClearedAndTheLetterIsPlacedInTheState()
    {
        using var admin = await CreateClientAsAsync("admin");
        var mali = await DirectoryEntryAsync(admin, "MLI");

        var response = await admin.PutAsJsonAsync("/api/admin/reference/states/MLI/central-authority", Body(mali, city: ""));

        using var maliCa = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(maliCa);
        var text = Squeeze(Text(await (await maliCa.GetAsync($"/api/requests/{draft.Id}/document")).Content.ReadAsByteArrayAsync()));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
            Assert.That((await response.Content.ReadFromJsonAsync<CentralAuthorityDto>(Json))!.City, Is.Null);
            Assert.That(text, Does.Contain(Squeeze("Mali, le")));
        }
    }

    [TestCase("nameEn", "Central Authority\nGhana")]
    [TestCase("nameFr", "   ")]
    [TestCase("namePt", "Autoridade\u202ECentral")]
    [TestCase("city", "Accra\r\nTema")]
    [TestCase("city", "A city whose name runs on and on well past the hundred characters a place line has any room for at all")]
    public async Task UpdateCentralAuthority_BadNameOrCity_Answers400NamingTheFieldAndChangesNothing(string field, string value)
    {
        using var admin = await CreateClientAsAsync("admin");
        var ghana = await DirectoryEntryAsync(admin, "GHA");
        var before = await DirectoryJsonAsync(admin, "GHA");
        var body = Body(ghana, nameEn: GhanaInEnglish);
        body[field] = value;

        var response = await admin.PutAsJsonAsync("/api/admin/reference/states/GHA/central-authority", body);

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>();
        Assert.That(problem!.Errors.Keys, Is.EqualTo(new[] { field }));
        Assert.That(await DirectoryJsonAsync(admin, "GHA"), Is.EqualTo(before), "nothing changed");
        Assert.That(await CountAsync("audit_entries WHERE action_code = 'update-central-authority'"), Is.Zero);
    }

    [TestCase("mli.ca")]
    [TestCase("sjcp.sec")]
    public async Task UpdateCentralAuthority_NotAnAdministrator_Answers403AndChangesNothing(string username)
    {
        using var admin = await CreateClientAsAsync("admin");
        var ghana = await DirectoryEntryAsync(admin, "GHA");
        var before = await DirectoryJsonAsync(admin, "GHA");
        using var client = await CreateClientAsAsync(username);

        var response = await client.PutAsJsonAsync("/api/admin/reference/states/GHA/central-authority", Body(ghana, nameEn: GhanaInEnglish, city: "Tema"));

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(await DirectoryJsonAsync(admin, "GHA"), Is.EqualTo(before));
    }

    private static async Task<CentralAuthorityDto> DirectoryEntryAsync(HttpClient client, string state)
    {
        var directory = await client.GetFromJsonAsync<DirectoryDto>("/api/directory", Json);
        return directory!.CentralAuthorities.Single(authority => authority.State == state);
    }

    /// <summary>The entry as JSON: a record compares its lists by reference, its JSON by content.</summary>
    private static async Task<string> DirectoryJsonAsync(HttpClient client, string state) =>
        System.Text.Json.JsonSerializer.Serialize(await DirectoryEntryAsync(client, state), Json);

    /// <summary>What the directory holds, sent back as a client would, with the names per language and the city
    /// only when given.</summary>
    private static Dictionary<string, object?> Body(CentralAuthorityDto current, string? nameEn = null, string? city = null)
    {
        var body = new Dictionary<string, object?>
        {
            ["name"] = current.Name,
            ["address"] = current.Address,
            ["phone"] = current.Phone,
            ["email"] = current.Email,
            ["letterhead"] = current.Letterhead,
        };
        if (nameEn is not null)
        {
            body["nameEn"] = nameEn;
        }

        if (city is not null)
        {
            body["city"] = city;
        }

        return body;
    }
}
