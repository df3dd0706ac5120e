using BenchmarkDotNet.Attributes;
using Mla.Documents;
using Mla.Documents.Fonts;
using Mla.Documents.Layout;
using Mla.Documents.Resources;
using Mla.Documents.Templates;
using Mla.Documents.Tests;
using PdfSharp.Drawing;
using PdfSharp.Pdf;

namespace Mla.Benchmarks;

/// <summary>
/// A typical three-page MLA request through the templates and layout engine, against the same lines written
/// with bare PDFsharp calls: the gap is what the layout engine costs.
/// </summary>
[MemoryDiagnoser]
[MedianColumn]
[ShortRunJob]
public class RequestDocumentBenchmarks
{
    private RequestDocumentModel _model = null!;
    private List<List<string>> _pagesOfLines = null!;

    [GlobalSetup]
    public void Setup()
    {
        _model = SampleRequests.Mla("fr");
        var document = new MlaRequestTemplate().Compose(_model, Wording.For("fr"));
        var pages = document.Layout(PageFrame.A4(document.LetterheadLines.Count));
        if (pages.Count != 3)
        {
            throw new InvalidOperationException($"The typical request should take 3 pages, not {pages.Count}.");
        }

        // The exact lines the engine produced: the baseline only draws them, one DrawString per line.
        _pagesOfLines = [.. pages.Select(p => p.Operations.OfType<TextOperation>().Select(t => t.Text).ToList())];
        DocumentFonts.EnsureInstalled();
    }

    [Benchmark]
    public byte[] GenerateMlaRequestDocument() => RequestDocumentGenerator.Generate(_model);

    [Benchmark(Baseline = true)]
    public byte[] BarePdfSharpSameText()
    {
        using var pdf = new PdfDocument();
        pdf.Options.CompressContentStreams = true;
        var regular = new XFont(DocumentFonts.FamilyName, 10, XFontStyleEx.Regular, XPdfFontOptions.UnicodeDefault);
        var bold = new XFont(DocumentFonts.FamilyName, 8.5, XFontStyleEx.Bold, XPdfFontOptions.UnicodeDefault);
        for (var i = 0; i < _pagesOfLines.Count; i++)
        {
            var page = pdf.AddPage();
            page.Width = XUnit.FromPoint(PageFrame.A4Width);
            page.Height = XUnit.FromPoint(PageFrame.A4Height);
            using var gfx = XGraphics.FromPdfPage(page);
            double y = 40;
            foreach (var line in _model.RequestingCentralAuthority.LetterheadLines)
            {
                gfx.DrawString(line, bold, XBrushes.Black, 200, y);
                y += 11;
            }

            y += 20;
            var step = Math.Min(12, 700.0 / _pagesOfLines[i].Count);
            foreach (var line in _pagesOfLines[i])
            {
                gfx.DrawString(line, regular, XBrushes.Black, 62, y);
                y += step;
            }

            gfx.DrawString($"page {i + 1} sur {_pagesOfLines.Count}", regular, XBrushes.Black, 480, 800);
        }

        using var stream = new MemoryStream();
        pdf.Save(stream, false);
        return stream.ToArray();
    }
}
