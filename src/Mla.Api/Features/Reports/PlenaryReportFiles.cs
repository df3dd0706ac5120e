using System.Drawing;
using System.IO.Compression;
using CsvHelper;
using Mla.Documents.Reports;
using SpreadCheetah;
using SpreadCheetah.Styling;
using SpreadCheetah.Worksheets;

namespace Mla.Api.Features.Reports;

/// <summary>A report file to download: its bytes, media type and file name.</summary>
public sealed record ReportFile(byte[] Content, string ContentType, string FileName);

/// <summary>Writes report tables as a zip of CSV files and as an XLSX workbook.</summary>
public static class PlenaryReportFiles
{
    public const string ZipType = "application/zip";
    public const string XlsxType = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
    public const string PdfType = "application/pdf";

    /// <summary>
    /// One CSV per table (<c>01-headline.csv</c>, ...), RFC 4180, comma-separated, numbers in invariant culture,
    /// UTF-8 with a byte order mark so that spreadsheet programs show accents right.
    /// </summary>
    public static byte[] Csv(IReadOnlyList<ReportTable> tables, DateTimeOffset generatedAt)
    {
        ArgumentNullException.ThrowIfNull(tables);
        using var zip = new MemoryStream();
        using (var archive = new ZipArchive(zip, ZipArchiveMode.Create, leaveOpen: true))
        {
            for (var i = 0; i < tables.Count; i++)
            {
                var table = tables[i];
                var entry = archive.CreateEntry(FileName(i, table), CompressionLevel.Optimal);
                entry.LastWriteTime = generatedAt;
                using var csv = CsvWriter.Create(entry.Open(), CsvOptions, false);
                csv.WriteHeader([.. table.Columns]);
                foreach (var row in table.Rows)
                {
                    csv.WriteRecord([.. row.Select(cell => cell.Display)]);
                }

                csv.Flush();
            }
        }

        return zip.ToArray();
    }

    private static readonly CsvWriterOptions CsvOptions = new() { WriteByteOrderMark = true };

    public static string FileName(int index, ReportTable table) =>
        string.Create(CultureInfo.InvariantCulture, $"{index + 1:00}-{table.Key}.csv");

    /// <summary>One sheet per table: the header row bold on grey and frozen, numbers stored as numbers.</summary>
    public static async Task<byte[]> XlsxAsync(IReadOnlyList<ReportTable> tables, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(tables);
        using var stream = new MemoryStream();
        await using (var spreadsheet = await Spreadsheet.CreateNewAsync(stream, cancellationToken: cancellationToken))
        {
            var header = new Style();
            header.Font.Bold = true;
            header.Fill.Color = Color.FromArgb(0xE1, 0xE1, 0xE1);
            var headerStyle = spreadsheet.AddStyle(header);
            foreach (var table in tables)
            {
                var options = new WorksheetOptions { FrozenRows = 1 };
                for (var c = 0; c < table.Columns.Count; c++)
                {
                    options.Column(c + 1).Width = Math.Clamp(table.Columns[c].Length + 2, 10, 45);
                }

                await spreadsheet.StartWorksheetAsync(table.SheetName, options, cancellationToken);
                await spreadsheet.AddRowAsync([.. table.Columns.Select(c => new StyledCell(c, headerStyle))], cancellationToken);
                foreach (var row in table.Rows)
                {
                    await spreadsheet.AddRowAsync([.. row.Select(cell => cell.IsNumber ? new Cell(cell.Number) : new Cell(cell.Text))], cancellationToken);
                }
            }

            await spreadsheet.FinishAsync(cancellationToken);
        }

        return stream.ToArray();
    }
}
