using System.Globalization;
using Mla.Api.Features.Reports;
using Mla.Api.Infrastructure.Data;
using Mla.Documents.Reports;

namespace Mla.Api.Tests.Features.Reports;

/// <summary>Every table of the known set in every file format, read back with the tools a user would use.</summary>
public sealed class PlenaryReportFormatsTests(DatabaseEngine engine) : PlenaryReportTest(engine)
{
    [Test]
    public async Task GetPlenaryReport_Csv_ZipOfOneCsvPerTableWithTheHandCheckedFigures()
    {
        await BuildKnownSetAsync();
        using var secretariat = await CreateClientAsAsync("sjcp.sec");

        var response = await GetReportAsync(secretariat, Period + "&format=csv&language=en");
        var files = ReportFileReaders.Csv(await response.Content.ReadAsByteArrayAsync());

        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/zip"));
            Assert.That(response.Content.Headers.ContentDisposition?.FileName?.Trim('"'), Is.EqualTo("plenary-sjcp-2026-01-01-2026-06-30-en.zip"));
            Assert.That(files.Select(f => f.Name), Is.EqualTo(PlenaryReportTables.Keys.Select((key, i) => $"{i + 1:00}-{key}.csv")));
            var wording = ReportWording.For("en");
            foreach (var (name, hasBom, rows) in files)
            {
                var key = name[3..^4];
                Assert.That(hasBom, Is.True, name);
                Assert.That(rows[0], Has.Length.EqualTo(KnownSet.Tables[key].FirstOrDefault()?.Length ?? rows[0].Length), name);
                Assert.That(rows.Skip(1), Is.EqualTo(KnownSet.Tables[key]), name);
            }

            Assert.That(files[4].Rows[0], Is.EqualTo(new[]
            {
                wording["col.kind"], wording["col.received"], wording["col.receiptMedian"], wording["col.receiptP90"],
                wording["col.decided"], wording["col.decisionMedian"], wording["col.decisionP90"],
            }));
        }
    }

    [Test]
    public async Task GetPlenaryReport_CsvInFrench_AccentsSurviveTheRoundTrip()
    {
        await BuildKnownSetAsync();
        using var secretariat = await CreateClientAsAsync("sjcp.sec");

        var files = ReportFileReaders.Csv(await (await GetReportAsync(secretariat, Period + "&format=csv")).Content.ReadAsByteArrayAsync());

        var status = files.Single(f => f.Name == "03-status.csv").Rows;
        Assert.That(status[0], Is.EqualTo(new[] { "Statut", "Demandes" }));
        Assert.That(status.Skip(1).Select(r => r[0]), Does.Contain("Exécutée").And.Contain("Partiellement exécutée").And.Contain("Refusée"));
    }

    [Test]
    public async Task GetPlenaryReport_Xlsx_OneSheetPerTableHeaderFrozenNumbersStoredAsNumbers()
    {
        await BuildKnownSetAsync();
        using var secretariat = await CreateClientAsAsync("sjcp.sec");

        var response = await GetReportAsync(secretariat, Period + "&format=xlsx&language=en");
        var sheets = ReportFileReaders.Xlsx(await response.Content.ReadAsByteArrayAsync());

        var wording = ReportWording.For("en");
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"));
            Assert.That(sheets.Select(s => s.Name), Is.EqualTo(PlenaryReportTables.Keys.Select(key => wording[$"sheet.{key}"])));
            for (var i = 0; i < sheets.Count; i++)
            {
                var (name, frozenRows, headerStyle, rows) = sheets[i];
                var expected = KnownSet.Tables[PlenaryReportTables.Keys[i]];
                Assert.That(frozenRows, Is.EqualTo(1), name);
                Assert.That(headerStyle, Is.Not.Null.And.Not.EqualTo("0"), $"{name}: the header row is styled");
                Assert.That(rows[0].All(c => !c.IsNumber), Is.True, name);

                // Empty cells (a median of nothing) are written as empty cells, without a value.
                var body = rows.Skip(1).Select(row => row.Select(c => c.Text).ToArray()).ToList();
                Assert.That(body, Is.EqualTo(expected), name);

                // Counts, days and rates are numbers; States, statuses, kinds, categories and labels ("3+", "0-30") are text.
                var textColumns = TextColumns[PlenaryReportTables.Keys[i]];
                foreach (var (row, r) in rows.Skip(1).Select((row, r) => (row, r)))
                {
                    for (var c = 0; c < row.Count; c++)
                    {
                        var isNumber = c >= textColumns && expected[r][c].Length > 0;
                        Assert.That(row[c].IsNumber, Is.EqualTo(isNumber), $"{name}: '{expected[r][c]}'");
                        Assert.That(!isNumber || decimal.TryParse(row[c].Text, NumberStyles.AllowDecimalPoint, CultureInfo.InvariantCulture, out _), Is.True, name);
                    }
                }
            }
        }
    }

    /// <summary>How many leading columns of each table hold codes rather than numbers.</summary>
    private static readonly Dictionary<string, int> TextColumns = new()
    {
        ["headline"] = 1, ["matrix"] = 2, ["status"] = 1, ["age"] = 1, ["delays"] = 1, ["delays-by-month"] = 1, ["information-rounds"] = 1,
        ["outcomes"] = 1, ["refusal-grounds"] = 2, ["legal-bases"] = 1, ["offence-categories"] = 1, ["urgent"] = 1, ["surrenders"] = 1, ["pending"] = 1,
    };

    [Test]
    public async Task GetPlenaryReport_Pdf_TitlePageThenEveryTableWithTheHandCheckedFigures()
    {
        await BuildKnownSetAsync();
        using var secretariat = await CreateClientAsAsync("sjcp.sec");

        var response = await GetReportAsync(secretariat, Period + "&format=pdf&language=en");
        var pdf = await response.Content.ReadAsByteArrayAsync();
        var pages = ReportFileReaders.PdfPages(pdf);

        // Kept beside the test results, to look at (the README's picture is a page of it).
        var sample = Path.Combine(TestContext.CurrentContext.WorkDirectory, $"plenary-report-{Engine}.pdf".ToLowerInvariant());
        await File.WriteAllBytesAsync(sample, pdf);
        TestContext.AddTestAttachment(sample);

        var wording = ReportWording.For("en");
        var body = ReportFileReaders.Squash(string.Concat(pages.Skip(1)));
        using (Assert.EnterMultipleScope())
        {
            Assert.That(response.Content.Headers.ContentType?.MediaType, Is.EqualTo("application/pdf"));
            Assert.That(ReportFileReaders.Squash(pages[0]), Does.Contain(ReportFileReaders.Squash("Plenary report"))
                .And.Contain(ReportFileReaders.Squash("Sahel Judicial Cooperation Platform (SJCP)"))
                .And.Contain(ReportFileReaders.Squash("Period: 1 January 2026 to 30 June 2026"))
                .And.Contain(ReportFileReaders.Squash("Generated on")));
            foreach (var key in PlenaryReportTables.Keys)
            {
                Assert.That(body, Does.Contain(ReportFileReaders.Squash(wording[$"table.{key}"])), key);
                foreach (var row in KnownSet.Tables[key])
                {
                    Assert.That(body, Does.Contain(ReportFileReaders.Squash(string.Concat(row))), $"{key}: {string.Join(" | ", row)}");
                }
            }

            Assert.That(body, Does.Contain(ReportFileReaders.Squash(wording["chart.requestsPerState"])));
            Assert.That(body, Does.Contain(ReportFileReaders.Squash(wording["chart.medianDelays"])));
        }
    }

    [TestCase("fr", "Rapport plénier", "Période : du 1 janvier 2026 au 30 juin 2026")]
    [TestCase("pt", "Relatório plenário", "Período: de 1 de janeiro de 2026 a 30 de junho de 2026")]
    public async Task GetPlenaryReport_PdfInLanguage_WordedInIt(string language, string title, string period)
    {
        using var secretariat = await CreateClientAsAsync("sjcp.sec");

        var response = await GetReportAsync(secretariat, $"{Period}&format=pdf&language={language}");
        var pages = ReportFileReaders.PdfPages(await response.Content.ReadAsByteArrayAsync());

        Assert.That(ReportFileReaders.Squash(pages[0]), Does.Contain(ReportFileReaders.Squash(title)).And.Contain(ReportFileReaders.Squash(period)));
    }
}
