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
}
