using System.Diagnostics;
using System.Net;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text.RegularExpressions;
using Mla.Api.Features.Documents;
using Mla.Api.Features.Requests;
using Mla.Api.Infrastructure.Data;
using Mla.Api.Tests.Features.Requests;
using static Mla.Api.Tests.Features.Documents.DocumentTestFiles;

namespace Mla.Api.Tests.Features.Documents;

/// <summary>
/// The transmitted document is signed with the requesting central authority's certificate (checked with
/// poppler's <c>pdfsig</c>, as any reader would), carries its verification code on every page, and
/// <c>GET /api/documents/verify</c> tells either party whether a file, or a printed code, is the one transmitted.
/// </summary>
public sealed partial class VerifyDocumentTests(DatabaseEngine engine) : RequestTest(engine)
{
    private const string Pdfsig = "/usr/bin/pdfsig";

    [Test]
    public async Task Transmit_Document_SignedByTheRequestingCentralAuthorityAndValidForPdfsig()
    {
        var (mali, transmitted) = await TransmittedMlaAsync();
        var bytes = await (await mali.GetAsync($"/api/requests/{transmitted.Id}/document")).Content.ReadAsByteArrayAsync();

        var output = await PdfsigAsync(bytes);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(output, Does.Contain("Signature Validation: Signature is Valid."));
            Assert.That(output, Does.Contain("Central authority MLI"));
            Assert.That(output, Does.Contain("Total document signed"), "the signature covers the whole file");
        }

        mali.Dispose();
    }

    [Test]
    public async Task Transmit_Document_TheChainStillVerifiesAndTheRowHashIsTheServedBytes()
    {
        var (mali, transmitted) = await TransmittedMlaAsync();
        var response = await mali.GetAsync($"/api/requests/{transmitted.Id}/document");
        var bytes = await response.Content.ReadAsByteArrayAsync();

        var timeline = await GetTimelineWithChainAsync(mali, transmitted.Id);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(timeline.Chain.State, Is.EqualTo(ChainState.Verified));
            Assert.That(response.Headers.ETag?.Tag, Is.EqualTo($"\"{Sha256(bytes)}\""));
        }

        mali.Dispose();
    }

    [Test]
    public async Task Verify_DownloadedFile_BothPartiesToldWhichRequestAndWhen()
    {
        var (mali, transmitted) = await TransmittedMlaAsync();
        var bytes = await (await mali.GetAsync($"/api/requests/{transmitted.Id}/document")).Content.ReadAsByteArrayAsync();
        using var senegal = await CreateClientAsAsync("sen.ca");

        var byMali = await mali.GetFromJsonAsync<DocumentVerification>($"/api/documents/verify?sha256={Sha256(bytes)}", Json);
        var bySenegal = await senegal.GetFromJsonAsync<DocumentVerification>($"/api/documents/verify?sha256={Sha256(bytes).ToUpperInvariant()}", Json);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(byMali!.RequestId, Is.EqualTo(transmitted.Id));
            Assert.That(byMali.ReferenceNumber, Is.EqualTo(transmitted.ReferenceNumber));
            Assert.That(byMali.MatchedBy, Is.EqualTo("file"));
            Assert.That(byMali.TransmittedOn, Is.EqualTo(Today));
            Assert.That(byMali.Language, Is.EqualTo("fr"));
            Assert.That(bySenegal!.RequestId, Is.EqualTo(transmitted.Id));
        }

        mali.Dispose();
    }

    [Test]
    public async Task Verify_CodePrintedOnThePage_FoundAsTheVerificationCode()
    {
        var (mali, transmitted) = await TransmittedMlaAsync();
        var bytes = await (await mali.GetAsync($"/api/requests/{transmitted.Id}/document")).Content.ReadAsByteArrayAsync();
        var printed = PrintedCode().Match(Squeeze(Text(bytes)));
        Assert.That(printed.Success, Is.True, "every page carries its verification code");

        var verification = await mali.GetFromJsonAsync<DocumentVerification>($"/api/documents/verify?sha256={printed.Groups[1].Value}", Json);

        using (Assert.EnterMultipleScope())
        {
            Assert.That(verification!.RequestId, Is.EqualTo(transmitted.Id));
            Assert.That(verification.MatchedBy, Is.EqualTo("verification-code"));
            Assert.That(verification.Sha256, Is.EqualTo(Sha256(bytes)), "the code leads to the signed file's own hash");
            Assert.That(printed.Groups[1].Value, Is.Not.EqualTo(Sha256(bytes)), "a document cannot print its own hash");
        }

        mali.Dispose();
    }

    [Test]
    public async Task Verify_AlteredFile_Answers404AndPdfsigRejectsIt()
    {
        var (mali, transmitted) = await TransmittedMlaAsync();
        var bytes = await (await mali.GetAsync($"/api/requests/{transmitted.Id}/document")).Content.ReadAsByteArrayAsync();
        var altered = (byte[])bytes.Clone();
        // One letter of the document information, inside the bytes the signature covers: "/Producer" becomes "/producer".
        var at = System.Text.Encoding.Latin1.GetString(altered).IndexOf("/Producer", StringComparison.Ordinal) + 1;
        Assert.That(at, Is.GreaterThan(0));
        altered[at] = (byte)'p';

        var response = await mali.GetAsync($"/api/documents/verify?sha256={Sha256(altered)}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        Assert.That(await PdfsigAsync(altered), Does.Not.Contain("Signature Validation: Signature is Valid."));
        mali.Dispose();
    }

    [Test]
    public async Task Verify_UserOfAThirdState_Answers404LikeAnUnknownHash()
    {
        var (mali, transmitted) = await TransmittedMlaAsync();
        var bytes = await (await mali.GetAsync($"/api/requests/{transmitted.Id}/document")).Content.ReadAsByteArrayAsync();
        using var niger = await CreateClientAsAsync("ner.ca");

        var third = await niger.GetAsync($"/api/documents/verify?sha256={Sha256(bytes)}");
        var unknown = await mali.GetAsync($"/api/documents/verify?sha256={new string('0', 64)}");

        using (Assert.EnterMultipleScope())
        {
            Assert.That(third.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
            Assert.That(await third.Content.ReadAsStringAsync(), Does.Not.Contain(transmitted.Id.ToString()).And.Not.Contain(transmitted.ReferenceNumber!));
            Assert.That(unknown.StatusCode, Is.EqualTo(HttpStatusCode.NotFound));
        }

        mali.Dispose();
    }

    [TestCase("abc")]
    [TestCase("zz00000000000000000000000000000000000000000000000000000000000000")]
    public async Task Verify_NotASha256_Answers400(string sha256)
    {
        using var mali = await CreateClientAsAsync("mli.ca");

        var response = await mali.GetAsync($"/api/documents/verify?sha256={sha256}");

        Assert.That(response.StatusCode, Is.EqualTo(HttpStatusCode.BadRequest));
        Assert.That(await response.Content.ReadAsStringAsync(), Does.Contain("sha256"));
    }

    private static async Task<string> PdfsigAsync(byte[] pdf)
    {
        Assert.That(File.Exists(Pdfsig), Is.True, "poppler's pdfsig is needed (Debian's poppler-utils; tests/run.sh installs it)");
        var path = Path.Combine(Path.GetTempPath(), $"mla-signed-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, pdf);
        try
        {
            using var process = Process.Start(new ProcessStartInfo(Pdfsig, [path]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            return output;
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static string Sha256(byte[] content) => Convert.ToHexStringLower(SHA256.HashData(content));

    [GeneratedRegex("SHA-256ducontenuavantsignature\\)(?:\u00A0)?:([0-9a-f]{64})")]
    private static partial Regex PrintedCode();
}
