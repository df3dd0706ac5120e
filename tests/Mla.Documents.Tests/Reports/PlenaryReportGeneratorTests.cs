using Mla.Documents.Reports;
using UglyToad.PdfPig;

namespace Mla.Documents.Tests.Reports;

public sealed class PlenaryReportGeneratorTests
{
    private static readonly string[] Wacap =
        ["BEN", "BFA", "CIV", "CPV", "GHA", "GIN", "GMB", "GNB", "LBR", "MLI", "MRT", "NER", "NGA", "SEN", "SLE", "TGO"];

    [Test]
    public void ReportWording_EveryLanguageFile_HasExactlyTheSameKeys()
    {
        var reference = ReportWording.For("fr").Keys.ToHashSet(StringComparer.Ordinal);

        Assert.That(ReportWording.AvailableLanguages, Is.EqualTo(new[] { "en", "fr", "pt" }));
        foreach (var language in ReportWording.AvailableLanguages)
        {
            Assert.That(ReportWording.For(language).Keys, Is.EquivalentTo(reference), language);
        }
    }

    [Test]
    public void ReportWording_SheetNames_FitExcelsRules()
    {
        foreach (var language in ReportWording.AvailableLanguages)
        {
            var wording = ReportWording.For(language);
            var sheets = wording.Keys.Where(k => k.StartsWith("sheet.", StringComparison.Ordinal)).Select(k => wording[k]).ToList();
            Assert.That(sheets, Has.All.Length.InRange(1, 31).And.All.Not.Contains("/").And.All.Not.Contains(":"), language);
            Assert.That(sheets, Is.Unique, language);
        }
    }

    [TestCase(0, 2)]
    [TestCase(1, 2)]
    [TestCase(3, 4)]
    [TestCase(5, 6)]
    [TestCase(7, 10)]
    [TestCase(10, 10)]
    [TestCase(11, 20)]
    [TestCase(41, 60)]
    [TestCase(365, 400)]
    public void NiceMaximum_LargestValue_RoundedUpSoTheMiddleTickIsWhole(int largest, int expected)
    {
        Assert.That(ChartPlot.NiceMaximum(largest), Is.EqualTo(expected));
    }

    [Test]
    public void Generate_SixteenStatesAndTenYearsOfMonths_TitlePageThenTablesAndWholeCharts()
    {
        var model = Model(Wacap, months: 120);

        var pdf = PlenaryReportGenerator.Generate(model);

        using var document = PdfDocument.Open(pdf);
        var pages = document.GetPages().Select(p => PdfText.Squash(p.Text)).ToList();
        using (Assert.EnterMultipleScope())
        {
            Assert.That(pages[0], Does.Contain(PdfText.Squash("Plenary report")).And.Contain(PdfText.Squash("Period: 1 January 2017 to 31 December 2026")));
            Assert.That(pages[0], Does.Not.Contain(PdfText.Squash("Table one")), "the title page stands alone");

            // The bar chart is kept whole: every State's label on the page of its title.
            var chartPage = pages.Single(p => p.Contains(PdfText.Squash("Requests per State"), StringComparison.Ordinal));
            Assert.That(Wacap, Has.All.Matches<string>(state => chartPage.Contains(state!, StringComparison.Ordinal)));
            var linePage = pages.Single(p => p.Contains(PdfText.Squash("Median delays by month of transmission"), StringComparison.Ordinal));
            Assert.That(linePage, Does.Contain("2017-01").And.Contain(PdfText.Squash("to receipt")));
            Assert.That(string.Concat(pages), Does.Contain("Tableone").And.Contain("Tabletwo"));
        }
    }

    [Test]
    public void Generate_NoRequests_SaysSoInsteadOfEmptyTablesAndCharts()
    {
        var model = Model([], months: 0) with { Tables = [new ReportTable("matrix", "Table one", "One", ["State", "Requests"], [])] };

        var text = PdfText.Squashed(PlenaryReportGenerator.Generate(model));

        Assert.That(text, Does.Contain(PdfText.Squash("No data for this period.")));
    }

    private static PlenaryReportDocumentModel Model(string[] states, int months) => new()
    {
        Language = "en",
        Network = "wacap",
        From = new DateOnly(2017, 1, 1),
        To = new DateOnly(2026, 12, 31),
        PreviousFrom = new DateOnly(2007, 1, 1),
        PreviousTo = new DateOnly(2016, 12, 31),
        ReferenceDate = new DateOnly(2026, 11, 28),
        GeneratedAt = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero),
        Tables =
        [
            new ReportTable("matrix", "Table one", "One", ["Requesting State", "Requests"], [.. states.Select((s, i) => new[] { ReportCell.Code(s), ReportCell.Of(i) })]),
            new ReportTable("delays-by-month", "Table two", "Two", ["Month", "Median"], [[ReportCell.Code("2017-01"), ReportCell.Of(null)]]),
        ],
        RequestsPerState = [.. states.Select((s, i) => new BarGroup(s, [i * 3, 40 - i]))],
        MedianDelaysByMonth = [.. Enumerable.Range(0, months).Select(m => new LinePoint(
            new DateOnly(2017, 1, 1).AddMonths(m).ToString("yyyy-MM", System.Globalization.CultureInfo.InvariantCulture),
            [m % 7 == 0 ? null : m % 40, 30 + (m % 25)]))],
    };
}
