using System.Diagnostics;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using Mla.Api.Features.Documents;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Features.Requests;
using ZXing;
using ZXing.Common;
using ZXing.QrCode;
using static Mla.Api.Tests.Features.Documents.DocumentTestFiles;

namespace Mla.Api.Tests.Features.Documents;

/// <summary>
/// Every page of a transmitted document carries a QR code a scanner reads as
/// "MLA-VERIFY|reference|verification code": the pages are rasterised with poppler's <c>pdftoppm</c> at 150 dpi in
/// grey, as a scanned copy would be, and decoded with ZXing; the code it gives is the one printed in the footer,
/// and <c>GET /api/documents/verify</c> finds the request from it.
/// With MLA_DOCUMENT_PICTURES naming a folder (e.g. docs/images), the first page of each kind is also saved there
/// as the PNG docs/DOCUMENTS.md shows.
/// </summary>
public sealed class DocumentQrCodeTests(DatabaseEngine engine) : RequestTest(engine)
{
    private const string Pdftoppm = "/usr/bin/pdftoppm";

    [TestCase("mla", "SEN", "fr")]
    [TestCase("extradition", "GHA", "en")]
    [TestCase("provisional-arrest", "CPV", "pt")]
    public async Task Transmit_EachKind_EveryPageCarriesAQrCodeAScannerReadsAsTheReferenceAndTheVerificationCode(string kind, string requestedState, string language)
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var body = kind == "mla" ? MlaDraft(requestedState) : ExtraditionDraft(requestedState);
        body["language"] = language;
        if (kind == "provisional-arrest")
        {
            body["kind"] = kind;
            body.Remove("extraditionPurpose");
            body["extraditionWillBeRequested"] = true;
        }

        var transmitted = await StepAsync(mali, await CreateDraftAsync(mali, body), "transmit", new { occurredOn = TodayText, channel = "central-authority", language });
        var bytes = await (await mali.GetAsync($"/api/requests/{transmitted.Id}/document")).Content.ReadAsByteArrayAsync();

        var decoded = await ScanPagesAsync(bytes);
        await SavePictureAsync(bytes, $"{kind}-{language}-1.png");

        var code = decoded[0].Split('|')[^1];
        var verification = await mali.GetFromJsonAsync<DocumentVerification>($"/api/documents/verify?sha256={code}", Json);
        using (Assert.EnterMultipleScope())
        {
            Assert.That(decoded, Has.Count.EqualTo(PageCount(bytes)).And.All.EqualTo($"MLA-VERIFY|{transmitted.ReferenceNumber}|{code}"), "one readable code on every page");
            Assert.That(code, Does.Match("^[0-9a-f]{64}$"));
            Assert.That(Squeeze(Text(bytes)), Does.Contain(code), "the QR code carries the verification code printed beside it");
            Assert.That(code, Is.Not.EqualTo(Convert.ToHexStringLower(SHA256.HashData(bytes))), "a document cannot carry its own hash");
            Assert.That(verification!.RequestId, Is.EqualTo(transmitted.Id));
            Assert.That(verification.MatchedBy, Is.EqualTo("verification-code"));
        }
    }

    [Test]
    public async Task GetDocument_DraftPreview_CarriesNoQrCode()
    {
        using var mali = await CreateClientAsAsync("mli.ca");
        var draft = await CreateDraftAsync(mali);

        var bytes = await (await mali.GetAsync($"/api/requests/{draft.Id}/document")).Content.ReadAsByteArrayAsync();

        Assert.That(await ScanPagesAsync(bytes), Is.Empty, "a draft has no verification code to carry");
    }

    /// <summary>The text of the QR code found on each page, in page order; pages without a readable code are left out.</summary>
    private static async Task<List<string>> ScanPagesAsync(byte[] pdf)
    {
        Assert.That(File.Exists(Pdftoppm), Is.True, "poppler's pdftoppm is needed (Debian's poppler-utils; tests/run.sh installs it)");
        var folder = System.IO.Directory.CreateTempSubdirectory("mla-qr-");
        try
        {
            var path = Path.Combine(folder.FullName, "document.pdf");
            await File.WriteAllBytesAsync(path, pdf);
            using (var process = Process.Start(new ProcessStartInfo(Pdftoppm, ["-r", "150", "-gray", path, Path.Combine(folder.FullName, "page")]) { RedirectStandardError = true })!)
            {
                var errors = await process.StandardError.ReadToEndAsync();
                await process.WaitForExitAsync();
                Assert.That(process.ExitCode, Is.Zero, errors);
            }

            // pdftoppm names pages page-1.pgm or page-01.pgm as the page count needs: order by the number.
            var decoded = new List<string>();
            foreach (var page in folder.GetFiles("page-*.pgm").OrderBy(f => int.Parse(f.Name[5..^4], System.Globalization.CultureInfo.InvariantCulture)))
            {
                if (Decode(await File.ReadAllBytesAsync(page.FullName)) is { } text)
                {
                    decoded.Add(text);
                }
            }

            return decoded;
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    private static async Task SavePictureAsync(byte[] pdf, string name)
    {
        if (System.Environment.GetEnvironmentVariable("MLA_DOCUMENT_PICTURES") is not { Length: > 0 } folder)
        {
            return;
        }

        var path = Path.Combine(Path.GetTempPath(), $"mla-picture-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            System.IO.Directory.CreateDirectory(folder);
            var target = Path.Combine(Path.GetFullPath(folder), Path.GetFileNameWithoutExtension(name));
            using var process = Process.Start(new ProcessStartInfo(Pdftoppm, ["-png", "-r", "60", "-f", "1", "-l", "1", "-singlefile", path, target]))!;
            await process.WaitForExitAsync();
        }
        finally
        {
            File.Delete(path);
        }
    }

    /// <summary>Reads a binary PGM (P5: a text header "P5 width height maxval", then one byte of grey per pixel) with ZXing's QR code reader.</summary>
    private static string? Decode(byte[] pgm)
    {
        var fields = new List<string>(4);
        var at = 0;
        while (fields.Count < 4)
        {
            while (char.IsWhiteSpace((char)pgm[at]))
            {
                at++;
            }

            var start = at;
            while (!char.IsWhiteSpace((char)pgm[at]))
            {
                at++;
            }

            fields.Add(Encoding.ASCII.GetString(pgm, start, at - start));
        }

        Assert.That(fields[0], Is.EqualTo("P5"));
        Assert.That(fields[3], Is.EqualTo("255"), "one byte per pixel");
        var width = int.Parse(fields[1], System.Globalization.CultureInfo.InvariantCulture);
        var height = int.Parse(fields[2], System.Globalization.CultureInfo.InvariantCulture);
        var pixels = pgm.AsSpan(at + 1, width * height).ToArray();

        var luminance = new PlanarYUVLuminanceSource(pixels, width, height, 0, 0, width, height, false);
        var result = new QRCodeReader().decode(
            new BinaryBitmap(new HybridBinarizer(luminance)),
            new Dictionary<DecodeHintType, object> { [DecodeHintType.TRY_HARDER] = true });
        return result?.Text;
    }

    private static int PageCount(byte[] pdf)
    {
        using var document = UglyToad.PdfPig.PdfDocument.Open(pdf);
        return document.NumberOfPages;
    }
}
