using System.Diagnostics;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;

namespace Mla.Documents.Tests;

public sealed class RequestDocumentSignerTests
{
    [Test]
    public async Task Sign_WithTheVerificationCode_PdfsigValidatesTheSignatureAndTheTextIsUnchanged()
    {
        var model = SampleRequests.Mla("fr") with { VerificationCode = new string('a', 64) };
        var unsigned = RequestDocumentGenerator.Generate(model);
        using var certificate = Certificate();

        var signed = RequestDocumentSigner.Sign(unsigned, certificate, model.ReferenceNumber!, model.Place);

        var path = Path.Combine(Path.GetTempPath(), $"mla-signer-{Guid.NewGuid():N}.pdf");
        await File.WriteAllBytesAsync(path, signed);
        try
        {
            using var process = Process.Start(new ProcessStartInfo("/usr/bin/pdfsig", [path]) { RedirectStandardOutput = true, RedirectStandardError = true })!;
            var output = await process.StandardOutput.ReadToEndAsync() + await process.StandardError.ReadToEndAsync();
            await process.WaitForExitAsync();
            using (Assert.EnterMultipleScope())
            {
                Assert.That(output, Does.Contain("Signature Validation: Signature is Valid."));
                Assert.That(PdfText.Squashed(signed), Is.EqualTo(PdfText.Squashed(unsigned)));
                Assert.That(PdfText.Squashed(signed), Does.Contain(PdfText.Squash("Code de vérification (SHA-256 du contenu avant signature)")));
            }
        }
        finally
        {
            File.Delete(path);
        }
    }

    private static X509Certificate2 Certificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=Test central authority", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
        return X509CertificateLoader.LoadPkcs12(certificate.Export(X509ContentType.Pkcs12), null);
    }
}
