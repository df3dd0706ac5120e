using System.Text;
using System.Text.RegularExpressions;
using Mla.Documents.Resources;
using Mla.Documents.Templates;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Outline;
using UglyToad.PdfPig.Tokens;

namespace Mla.Documents.Tests.Layout;

/// <summary>What a PDF reader gets beyond the text: the language, the outline, PDF/A identification.</summary>
public class LayoutDocumentPdfTests
{
    [TestCase("fr")]
    [TestCase("en")]
    [TestCase("pt")]
    public void Generate_AnyLanguage_CatalogDeclaresThatLanguage(string language)
    {
        using var pdf = PdfDocument.Open(RequestDocumentGenerator.Generate(SampleRequests.Extradition(language)));

        Assert.That(pdf.Structure.Catalog.CatalogDictionary.TryGet<StringToken>(NameToken.Create("Lang"), out var lang), Is.True);
        Assert.That(lang!.Data, Is.EqualTo(language));
    }

    [TestCaseSource(typeof(RequestDocumentKinds), nameof(RequestDocumentKinds.All))]
    public void Generate_AnyKind_OneBookmarkPerSectionOpeningItsPage(string kind)
    {
        var model = WorstCaseRequests.Build(kind, "fr", 9);
        var bytes = RequestDocumentGenerator.Generate(model);
        var pages = PdfLines.Read(bytes, model.RequestingCentralAuthority.LetterheadLines.Count);
        using var pdf = PdfDocument.Open(bytes);

        Assert.That(pdf.TryGetBookmarks(out var bookmarks), Is.True);
        var nodes = bookmarks!.Roots.OfType<DocumentBookmarkNode>().ToList();
        var headings = pages.SelectMany(p => p.Body.Where(l => l.AllBold && l.Size == 11 && char.IsDigit(l.Text[0]) && !l.Text.EndsWith("(suite)", StringComparison.Ordinal))
            .Select(l => (Page: p.Number, l.Squashed))).ToList();
        Assert.Multiple(() =>
        {
            Assert.That(nodes.Select(n => PdfText.Squash(n.Title)), Is.EqualTo(headings.Select(h => h.Squashed)), "one bookmark per numbered section, in order");
            Assert.That(nodes.Select(n => n.PageNumber), Is.EqualTo(headings.Select(h => h.Page)), "each on the page of its heading");
            Assert.That(pdf.Structure.Catalog.CatalogDictionary.TryGet<NameToken>(NameToken.Create("PageMode"), out var mode) && mode!.Data == "UseOutlines", "the outline opens with the document");
        });
    }

    [TestCaseSource(typeof(RequestDocumentKinds), nameof(RequestDocumentKinds.All))]
    public void Render_PdfA_IdentifiedAsPdfA2bWithOutputIntentTagsAndEmbeddedFonts(string kind)
    {
        var bytes = RenderPdfA(kind, "pt", isDraft: true);
        var raw = Encoding.Latin1.GetString(bytes);
        using var pdf = PdfDocument.Open(bytes);
        var catalog = pdf.Structure.Catalog.CatalogDictionary;

        Assert.Multiple(() =>
        {
            Assert.That(raw, Does.Contain("<pdfaid:part>2</pdfaid:part>").And.Contain("<pdfaid:conformance>B</pdfaid:conformance>"));
            Assert.That(raw, Does.StartWith("%PDF-1.").And.Not.Contain("/Encrypt").And.Not.Contain("/JavaScript"));
            Assert.That(raw, Does.Contain("/GTS_PDFA1").And.Contain("/DestOutputProfile"), "sRGB output intent");
            Assert.That(catalog.ContainsKey(NameToken.Create("StructTreeRoot")) && catalog.ContainsKey(NameToken.Create("MarkInfo")), "tagged");
            Assert.That(catalog.ContainsKey(NameToken.Create("Metadata")), "XMP metadata");
            Assert.That(catalog.TryGet<StringToken>(NameToken.Create("Lang"), out var lang) ? lang!.Data : null, Is.EqualTo("pt"), "the document's language, not PDFsharp's default");
            Assert.That(raw.Split("/Type/FontDescriptor").Length - 1, Is.EqualTo(raw.Split("/FontFile2").Length - 1).And.GreaterThan(0), "every font embedded");
            Assert.That(raw, Does.Not.Contain("/SMask"), "no soft mask");
            Assert.That(Regex.Matches(raw, @"/(CA|ca) ([0-9.]+)").Select(m => m.Groups[2].Value), Has.All.EqualTo("1"), "fully opaque: no transparency");
            Assert.That(raw, Does.Contain("/ID["), "file identifier");
        });
    }

    [Test]
    public void Render_PdfA_SameTextAndPagesAsThePlainDocument()
    {
        var model = WorstCaseRequests.Build(RequestDocumentKinds.Extradition, "fr", 5);
        var plain = RequestDocumentGenerator.Generate(model);
        var tagged = RenderPdfA(RequestDocumentKinds.Extradition, "fr", variant: 5);

        Assert.That(PdfText.Pages(tagged).Select(PdfText.Squash), Is.EqualTo(PdfText.Pages(plain).Select(PdfText.Squash)));
    }

    [Test]
    public void Render_PdfATwice_SameBytes()
    {
        var first = RenderPdfA(RequestDocumentKinds.Mla, "fr");
        var second = RenderPdfA(RequestDocumentKinds.Mla, "fr");

        Assert.That(second, Is.EqualTo(first));
    }

    private static byte[] RenderPdfA(string kind, string language, bool isDraft = false, int variant = 3)
    {
        var model = WorstCaseRequests.Build(kind, language, variant) with { IsDraft = isDraft };
        RequestTemplate template = kind switch
        {
            RequestDocumentKinds.Mla => new MlaRequestTemplate(),
            RequestDocumentKinds.Extradition => new ExtraditionRequestTemplate(),
            _ => new ProvisionalArrestRequestTemplate(),
        };
        var document = template.Compose(model, Wording.For(language));
        document.PdfA = true;
        var pdf = document.Render();
        if (Environment.GetEnvironmentVariable("MLA_DOCUMENTS_DUMP") is { Length: > 0 } dump)
        {
            Directory.CreateDirectory(dump);
            File.WriteAllBytes(Path.Combine(dump, $"pdfa-{kind}-{language}{(isDraft ? "-draft" : string.Empty)}.pdf"), pdf);
        }

        return pdf;
    }
}
