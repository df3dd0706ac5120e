using System.Net;
using System.Text.Json;
using Mla.Api.Features.Reports;
using Mla.Api.Infrastructure.Data;
using Mla.Documents.Reports;

namespace Mla.Api.Tests.Features.Reports;

public sealed class GetPlenaryReportTests(DatabaseEngine engine) : PlenaryReportTest(engine)
{
    [Test]
    public async Task GetPlenaryReport_KnownSet_EveryTableHasTheHandCheckedFigures()
    {
        await BuildKnownSetAsync();
        using var secretariat = await CreateClientAsAsync("sjcp.sec");

        var report = await GetJsonReportAsync(secretariat, Period);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(report.Scope, Is.EqualTo("network"));
            Assert.That(report.State, Is.Null);
            Assert.That(report.ReferenceDate, Is.EqualTo(Day(2026, 6, 30)));
            Assert.That((report.PreviousFrom, report.PreviousTo), Is.EqualTo((Day(2025, 7, 1), Day(2025, 12, 31))));
            Assert.That(report.Delays[0], Is.EqualTo(new DelayDto("all", 5, 10, 30, 3, 30, 41)));
            Assert.That(report.Outcomes[0].RefusalRate, Is.EqualTo(33.3m));
            foreach (var table in PlenaryReportTables.Build(report, ReportWording.For("en")))
            {
                Assert.That(table.Rows.Select(row => row.Select(cell => cell.Display).ToArray()), Is.EqualTo(KnownSet.Tables[table.Key]), table.Key);
            }
        }
    }

    [Test]
    public async Task GetPlenaryReport_CentralAuthority_OnlyRequestsItsStateIsPartyTo()
    {
        await BuildKnownSetAsync();
        using var mali = await CreateClientAsAsync("mli.ca");

        var report = await GetJsonReportAsync(mali, Period);

        using (Assert.EnterMultipleScope())
        {
            Assert.That((report.Scope, report.State), Is.EqualTo(("state", "MLI")));

            // R1-R5: the request Burkina Faso sent Senegal (R6) is not Mali's.
            Assert.That(report.Matrix.Select(m => $"{m.RequestingState}>{m.RequestedState}:{m.Total}"),
                Is.EqualTo(new[] { "MLI>NER:1", "MLI>SEN:2", "NER>MLI:1", "SEN>MLI:1" }));
            Assert.That(report.Headline.Single(h => h.Figure == "requests").Current, Is.EqualTo(5));
            Assert.That(report.Headline.Single(h => h.Figure == "informationRounds").Current, Is.EqualTo(1));
        }
    }

    [Test]
    public async Task GetPlenaryReport_Prosecutor_OnlyRequestsItsStateIsPartyTo()
    {
        await BuildKnownSetAsync();
        using var prosecutor = await CreateClientAsAsync("sen.pros");

        var report = await GetJsonReportAsync(prosecutor, Period + "&scope=state");

        // R1, R2, R4, R6: Senegal requested or requesting.
        Assert.That(report.Matrix.Select(m => $"{m.RequestingState}>{m.RequestedState}:{m.Total}"),
            Is.EqualTo(new[] { "BFA>SEN:1", "MLI>SEN:2", "SEN>MLI:1" }));
        Assert.That(report.PendingByRequestedState.Select(p => p.RequestedState), Is.EqualTo(new[] { "MLI", "SEN" }));
    }

    [Test]
    public async Task GetPlenaryReport_NetworkCodeInCapitals_IsTheSameNetwork()
    {
        using var secretariat = await CreateClientAsAsync("sjcp.sec");

        var report = await GetJsonReportAsync(secretariat, "network=SJCP&from=2026-01-01&to=2026-12-31");

        Assert.That(report.Network, Is.EqualTo("sjcp"));
    }

    [TestCase("wacap.sec", "")]
    [TestCase("sjcp.sec", "&scope=state")]
    [TestCase("mli.ca", "&scope=network")]
    [TestCase("gha.ca", "")]
    [TestCase("mli.fp", "")]
    [TestCase("admin", "")]
    public async Task GetPlenaryReport_NotThisUsersReport_Returns403(string username, string scope)
    {
        using var client = await CreateClientAsAsync(username);

        var response = await client.GetAsync($"/api/reports/plenary?{Period}{scope}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Forbidden));
        Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/problem+json"));
    }

    [Test]
    public async Task GetPlenaryReport_WithoutToken_Returns401()
    {
        using var client = CreateClient();

        var response = await client.GetAsync($"/api/reports/plenary?{Period}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.Unauthorized));
    }

    [TestCase("network=xyz&from=2026-01-01&to=2026-06-30", "network")]
    [TestCase("from=2026-01-01&to=2026-06-30", "network")]
    [TestCase("network=sjcp&from=2026-07-01&to=2026-06-30", "to")]
    [TestCase("network=sjcp&to=2026-06-30", "from")]
    [TestCase("network=sjcp&from=2026-02-30&to=2026-06-30", "from")]
    [TestCase("network=sjcp&from=1980-01-01&to=2026-06-30", "from")]
    [TestCase("network=sjcp&from=2000-01-01&to=2026-06-30", "to")]
    [TestCase("network=sjcp&from=2026-01-01&to=2026-06-30&format=docx", "format")]
    [TestCase("network=sjcp&from=2026-01-01&to=2026-06-30&language=de", "language")]
    [TestCase("network=sjcp&from=2026-01-01&to=2026-06-30&scope=world", "scope")]
    public async Task GetPlenaryReport_BadParameter_Returns400NamingIt(string query, string field)
    {
        using var secretariat = await CreateClientAsAsync("sjcp.sec");

        var response = await secretariat.GetAsync($"/api/reports/plenary?{query}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
        var errors = problem.RootElement.GetProperty("errors").EnumerateObject().Select(e => e.Name);
        Assert.That(errors, Is.EquivalentTo(new[] { field }));
    }
}
