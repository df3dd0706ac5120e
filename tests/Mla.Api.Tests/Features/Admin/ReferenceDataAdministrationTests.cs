using System.Net;
using System.Net.Http.Json;
using Dapper;
using Mla.Api.Features.Directory;
using Mla.Api.Features.Reference;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Infrastructure;

namespace Mla.Api.Tests.Features.Admin;

/// <summary>Reference data changes without a release (ChangeStateLanguages, ChangeNetworkMembers, UpdateCentralAuthority, AddLegalBasis).</summary>
public sealed class ReferenceDataAdministrationTests(DatabaseEngine engine) : ApiTest(engine)
{
    protected override bool ResetsReferenceData => true;

    [Test]
    public async Task ChangeStateLanguages_Admin_ChangesWhatTheStatesEndpointReturnsAndAudits()
    {
        using var admin = await CreateClientAsAsync("admin");

        var response = await admin.PutAsJsonAsync("/api/admin/reference/states/TCD/languages", new { languages = new[] { "ar", "fr" } });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var reader = await CreateClientAsAsync("mli.ca");
        var states = await reader.GetFromJsonAsync<List<StateDto>>("/api/reference/states");
        Assert.That(states!.Single(state => state.Iso3 == "TCD").Languages, Is.EqualTo(new[] { "ar", "fr" }));
        await using var connection = await OpenConnectionAsync();
        var details = await connection.ExecuteScalarAsync<string>("SELECT details FROM audit_entries WHERE action_code = 'change-state-languages' AND entity_key = 'TCD'");
        Assert.That(details, Does.Contain("\"before\":[\"fr\",\"ar\"]").And.Contain("\"after\":[\"ar\",\"fr\"]"));
    }

    [Test]
    public async Task ChangeStateLanguages_UnknownLanguage_Answers400AndChangesNothing()
    {
        using var admin = await CreateClientAsAsync("admin");

        var response = await admin.PutAsJsonAsync("/api/admin/reference/states/MLI/languages", new { languages = new[] { "fr", "xx" } });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        await using var connection = await OpenConnectionAsync();
        Assert.That(await connection.QueryAsync<string>("SELECT language_code FROM state_languages WHERE state_iso3 = 'MLI'"), Is.EqualTo(new[] { "fr" }));
    }

    [TestCase("""{"languages":null}""", "languages")]
    [TestCase("{}", "languages")]
    [TestCase("""{"languages":["fr",null]}""", "languages[1]")]
    public async Task ChangeStateLanguages_MissingList_Answers400NamingTheFieldAndChangesNothing(string body, string field)
    {
        using var admin = await CreateClientAsAsync("admin");

        var response = await admin.PutAsync("/api/admin/reference/states/MLI/languages", Json(body));

        await AssertFieldErrorAsync(response, field);
        await using var connection = await OpenConnectionAsync();
        Assert.That(await connection.QueryAsync<string>("SELECT language_code FROM state_languages WHERE state_iso3 = 'MLI'"), Is.EqualTo(new[] { "fr" }));
    }

    [TestCase("FR")]
    [TestCase("fr\n")]
    public async Task ChangeStateLanguages_LanguageNotInLowerCase_Answers400NamingTheForm(string language)
    {
        using var admin = await CreateClientAsAsync("admin");

        var response = await admin.PutAsJsonAsync("/api/admin/reference/states/MLI/languages", new { languages = new[] { "en", language } });

        var errors = await AssertFieldErrorAsync(response, "languages[1]");
        Assert.That(errors, Is.EqualTo(new[] { "Use a two- or three-letter lower-case language code, e.g. fr." }));
    }

    [Test]
    public async Task ChangeStateLanguages_UnknownState_Answers404()
    {
        using var admin = await CreateClientAsAsync("admin");

        var response = await admin.PutAsJsonAsync("/api/admin/reference/states/ZZZ/languages", new { languages = new[] { "fr" } });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
    }

    [Test]
    public async Task ChangeStateLanguages_CentralAuthority_Answers403()
    {
        using var client = await CreateClientAsAsync("mli.ca");

        var response = await client.PutAsJsonAsync("/api/admin/reference/states/MLI/languages", new { languages = new[] { "en" } });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
    }

    [Test]
    public async Task ChangeNetworkMembers_Admin_AddsAMemberAndAudits()
    {
        using var admin = await CreateClientAsAsync("admin");

        var response = await admin.PutAsJsonAsync("/api/admin/reference/networks/sjcp/members",
            new { members = new[] { "BFA", "MLI", "MRT", "NER", "SEN", "TCD", "GIN" } });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        var network = await response.Content.ReadFromJsonAsync<NetworkDto>();
        Assert.That(network!.Members, Has.Count.EqualTo(7).And.Contain("GIN"));
        Assert.That(await CountAsync("audit_entries WHERE action_code = 'change-network-members'"), Is.EqualTo(1));
    }

    [TestCase("""{"members":null}""", "members")]
    [TestCase("{}", "members")]
    public async Task ChangeNetworkMembers_MissingList_Answers400NamingTheFieldAndChangesNothing(string body, string field)
    {
        using var admin = await CreateClientAsAsync("admin");
        var before = await CountAsync("network_memberships WHERE network_code = 'sjcp'");

        var response = await admin.PutAsync("/api/admin/reference/networks/sjcp/members", Json(body));

        await AssertFieldErrorAsync(response, field);
        Assert.That(await CountAsync("network_memberships WHERE network_code = 'sjcp'"), Is.EqualTo(before));
    }

    // Members are stored as sent: a State in another form than upper-case ISO3 is refused, not normalised.
    [TestCase("gin")]
    [TestCase("Gin")]
    [TestCase("GIN\n")]
    public async Task ChangeNetworkMembers_StateNotInUpperCase_Answers400NamingTheFormAndChangesNothing(string member)
    {
        using var admin = await CreateClientAsAsync("admin");
        var before = await CountAsync("network_memberships WHERE network_code = 'sjcp'");

        var response = await admin.PutAsJsonAsync("/api/admin/reference/networks/sjcp/members", new { members = new[] { "MLI", member } });

        var errors = await AssertFieldErrorAsync(response, "members[1]");
        Assert.That(errors, Is.EqualTo(new[] { "Use an upper-case ISO 3166-1 alpha-3 code, e.g. SEN." }));
        Assert.That(await CountAsync("network_memberships WHERE network_code = 'sjcp'"), Is.EqualTo(before));
    }

    [TestCase("""{"name":"Direction des affaires criminelles","letterhead":null}""", "letterhead")]
    [TestCase("""{"name":"Direction des affaires criminelles","letterhead":["République du Sénégal",null]}""", "letterhead[1]")]
    public async Task UpdateCentralAuthority_MissingLetterhead_Answers400NamingTheFieldAndChangesNothing(string body, string field)
    {
        using var admin = await CreateClientAsAsync("admin");
        await using var connection = await OpenConnectionAsync();
        var before = await connection.ExecuteScalarAsync<string>("SELECT name FROM authorities WHERE state_iso3 = 'SEN' AND kind = 'central-authority'");

        var response = await admin.PutAsync("/api/admin/reference/states/SEN/central-authority", Json(body));

        await AssertFieldErrorAsync(response, field);
        Assert.That(await connection.ExecuteScalarAsync<string>("SELECT name FROM authorities WHERE state_iso3 = 'SEN' AND kind = 'central-authority'"), Is.EqualTo(before));
    }

    [Test]
    public async Task UpdateCentralAuthority_Admin_ChangesNameContactAndLetterhead()
    {
        using var admin = await CreateClientAsAsync("admin");

        var response = await admin.PutAsJsonAsync("/api/admin/reference/states/SEN/central-authority", new
        {
            name = "Direction des affaires criminelles et des grâces",
            address = "Building administratif, Dakar",
            phone = "+221 33 000 00 00",
            email = "dacg@justice.example.sn",
            letterhead = new[] { "République du Sénégal", "Un Peuple – Un But – Une Foi", "Ministère de la Justice" },
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.OK));
        using var reader = await CreateClientAsAsync("mli.fp");
        var directory = await reader.GetFromJsonAsync<DirectoryDto>("/api/directory");
        var senegal = directory!.CentralAuthorities.Single(authority => authority.State == "SEN");
        Assert.Multiple(() =>
        {
            Assert.That(senegal.Name, Is.EqualTo("Direction des affaires criminelles et des grâces"));
            Assert.That(senegal.Letterhead, Is.EqualTo(new[] { "République du Sénégal", "Un Peuple – Un But – Une Foi", "Ministère de la Justice" }));
            Assert.That(senegal.Email, Is.EqualTo("dacg@justice.example.sn"));
        });
        Assert.That(await CountAsync("audit_entries WHERE action_code = 'update-central-authority' AND entity_key = 'SEN'"), Is.EqualTo(1));
    }

    [Test]
    public async Task AddLegalBasis_Admin_BilateralTreatyBecomesAvailable()
    {
        using var admin = await CreateClientAsAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/admin/reference/legal-bases", new
        {
            code = "mli-sen-judicial-cooperation-1965",
            name = "Mali–Senegal judicial cooperation agreement (1965)",
            nameFr = "Accord de coopération judiciaire Mali–Sénégal (1965)",
            category = "bilateral",
            appliesToMla = true,
            appliesToExtradition = true,
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Created));
        using var reader = await CreateClientAsAsync("mli.ca");
        var bases = await reader.GetFromJsonAsync<List<LegalBasisDto>>("/api/reference/legal-bases");
        Assert.That(bases!.Select(basis => basis.Code), Does.Contain("mli-sen-judicial-cooperation-1965"));
        Assert.That(await CountAsync("audit_entries WHERE action_code = 'add-legal-basis'"), Is.EqualTo(1));
    }

    // .NET's $ matches before a final newline: "mli-sen-1965\n" used to become a code nobody could type.
    [TestCase("code", "mli-sen-1965\n", "Use a kebab-case code, e.g. mli-sen-extradition-1965.")]
    [TestCase("category", "treaty", "Must be one of: multilateral, bilateral, reciprocity.")]
    public async Task AddLegalBasis_InvalidField_Answers400NamingTheFieldAndAddsNothing(string field, string value, string message)
    {
        using var admin = await CreateClientAsAsync("admin");
        var before = await CountAsync("legal_bases");
        var body = new Dictionary<string, object>
        {
            ["code"] = "mli-sen-1965",
            ["name"] = "Mali–Senegal agreement (1965)",
            ["nameFr"] = "Accord Mali–Sénégal (1965)",
            ["category"] = "bilateral",
            ["appliesToMla"] = true,
        };
        body[field] = value;

        var response = await admin.PostAsJsonAsync("/api/admin/reference/legal-bases", body);

        Assert.That(await AssertFieldErrorAsync(response, field), Is.EqualTo(new[] { message }));
        Assert.That(await CountAsync("legal_bases"), Is.EqualTo(before));
    }

    [Test]
    public async Task AddLegalBasis_ExistingCode_Answers409()
    {
        using var admin = await CreateClientAsAsync("admin");

        var response = await admin.PostAsJsonAsync("/api/admin/reference/legal-bases", new
        {
            code = "reciprocity",
            name = "Again",
            nameFr = "Encore",
            category = "reciprocity",
            appliesToMla = true,
        });

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Conflict));
    }

    private static StringContent Json(string body) => new(body, System.Text.Encoding.UTF8, "application/json");

    // A 400 whose errors name the field; answers that field's messages.
    private static async Task<string[]> AssertFieldErrorAsync(HttpResponseMessage response, string field)
    {
        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest), await response.Content.ReadAsStringAsync());
        var problem = await response.Content.ReadFromJsonAsync<Microsoft.AspNetCore.Http.HttpValidationProblemDetails>();
        Assert.That(problem!.Errors, Does.ContainKey(field));
        return problem.Errors[field];
    }
}
