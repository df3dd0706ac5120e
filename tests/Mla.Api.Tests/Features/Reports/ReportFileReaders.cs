using System.IO.Compression;
using System.Text;
using System.Xml.Linq;
using CsvHelper;
using UglyToad.PdfPig;

namespace Mla.Api.Tests.Features.Reports;

/// <summary>A spreadsheet cell as a reader finds it: its text, and whether the file stores it as a number.</summary>
internal sealed record XlsxCell(string Text, bool IsNumber);

/// <summary>Reads the exports back as a user's tools would: the zip's CSV files, the workbook's sheets, the PDF's text.</summary>
internal static class ReportFileReaders
{
    /// <summary>Each CSV of the zip, by file name: its rows (header first), and whether it starts with a UTF-8 BOM.</summary>
    public static IReadOnlyList<(string Name, bool HasBom, List<string[]> Rows)> Csv(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        var files = new List<(string, bool, List<string[]>)>();
        foreach (var entry in archive.Entries)
        {
            using var stream = new MemoryStream();
            using (var entryStream = entry.Open())
            {
                entryStream.CopyTo(stream);
            }

            var bytes = stream.ToArray();
            var hasBom = bytes.AsSpan().StartsWith(Encoding.UTF8.Preamble);
            using var reader = CsvReader.Create(bytes, new CsvReaderOptions { HasHeader = false, Separator = ',' });
            var rows = new List<string[]>();
            while (reader.Read())
            {
                rows.Add(reader.Current.ToArray());
            }

            files.Add((entry.FullName, hasBom, rows));
        }

        return files;
    }

    /// <summary>Every entry of a zip as text (CSV files, or the XML parts of a workbook).</summary>
    public static string AllText(byte[] zip)
    {
        using var archive = new ZipArchive(new MemoryStream(zip), ZipArchiveMode.Read);
        var text = new StringBuilder();
        foreach (var entry in archive.Entries)
        {
            using var reader = new StreamReader(entry.Open(), Encoding.UTF8);
            text.AppendLine(reader.ReadToEnd());
        }

        return text.ToString();
    }

    /// <summary>The workbook's sheets in order: name, frozen rows, header style index, and rows of cells.</summary>
    public static IReadOnlyList<(string Name, int FrozenRows, string? HeaderStyle, List<List<XlsxCell>> Rows)> Xlsx(byte[] xlsx)
    {
        XNamespace main = "http://schemas.openxmlformats.org/spreadsheetml/2006/main";
        XNamespace relationships = "http://schemas.openxmlformats.org/officeDocument/2006/relationships";
        XNamespace package = "http://schemas.openxmlformats.org/package/2006/relationships";
        using var archive = new ZipArchive(new MemoryStream(xlsx), ZipArchiveMode.Read);
        XDocument Part(string path)
        {
            using var stream = archive.GetEntry(path)!.Open();
            return XDocument.Load(stream);
        }

        var targets = Part("xl/_rels/workbook.xml.rels").Root!.Elements(package + "Relationship")
            .ToDictionary(r => (string)r.Attribute("Id")!, r => (string)r.Attribute("Target")!);
        var shared = archive.GetEntry("xl/sharedStrings.xml") is null
            ? []
            : Part("xl/sharedStrings.xml").Root!.Elements(main + "si").Select(si => string.Concat(si.Descendants(main + "t").Select(t => t.Value))).ToList();
        var sheets = new List<(string, int, string?, List<List<XlsxCell>>)>();
        foreach (var sheet in Part("xl/workbook.xml").Root!.Element(main + "sheets")!.Elements(main + "sheet"))
        {
            var target = targets[(string)sheet.Attribute(relationships + "id")!].TrimStart('/');
            var document = Part(target.StartsWith("xl/", StringComparison.Ordinal) ? target : "xl/" + target);
            var pane = document.Descendants(main + "pane").FirstOrDefault();
            var frozen = pane is not null && (string?)pane.Attribute("state") == "frozen" ? (int)(double)pane.Attribute("ySplit")! : 0;
            var rows = document.Descendants(main + "row").Select(row => row.Elements(main + "c").Select(cell =>
            {
                var type = (string?)cell.Attribute("t");
                var text = type switch
                {
                    "s" => shared[int.Parse(cell.Element(main + "v")!.Value, System.Globalization.CultureInfo.InvariantCulture)],
                    "inlineStr" => string.Concat(cell.Descendants(main + "t").Select(t => t.Value)),
                    _ => cell.Element(main + "v")?.Value ?? "",
                };
                return new XlsxCell(text, type is null or "n" && cell.Element(main + "v") is not null);
            }).ToList()).ToList();
            var headerStyle = document.Descendants(main + "row").FirstOrDefault()?.Elements(main + "c").FirstOrDefault()?.Attribute("s")?.Value;
            sheets.Add(((string)sheet.Attribute("name")!, frozen, headerStyle, rows));
        }

        return sheets;
    }

    /// <summary>The PDF's text, page by page, as PdfPig extracts it.</summary>
    public static IReadOnlyList<string> PdfPages(byte[] pdf)
    {
        using var document = PdfDocument.Open(pdf);
        return [.. document.GetPages().Select(p => p.Text)];
    }

    /// <summary>Whitespace removed: PdfPig does not reliably keep spaces between words.</summary>
    public static string Squash(string text) => string.Concat(text.Where(c => !char.IsWhiteSpace(c)));
}
