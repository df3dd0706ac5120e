using System.Security.Cryptography.X509Certificates;
using PdfSharp.Pdf.IO;
using PdfSharp.Pdf.Signatures;

namespace Mla.Documents;

/// <summary>
/// Signs a rendered request document with a central authority's X.509 certificate, using the signing support
/// that ships inside PDFsharp (<c>PdfSharp.Cryptography</c>): a detached PKCS#7 signature with SHA-256 over the
/// whole file, as any PDF reader (or poppler's <c>pdfsig</c>) checks it. The signature is invisible: the page
/// already carries the signer's block, and its footer the verification code of the content before signing.
/// </summary>
public static class RequestDocumentSigner
{
    /// <summary>The signed PDF. Its bytes differ on every call (the signature holds its signing time).</summary>
    public static byte[] Sign(byte[] pdf, X509Certificate2 certificate, string reason, string location)
    {
        ArgumentNullException.ThrowIfNull(pdf);
        ArgumentNullException.ThrowIfNull(certificate);
        using var input = new MemoryStream(pdf, writable: false);
        using var document = PdfReader.Open(input, PdfDocumentOpenMode.Modify);
        var options = new DigitalSignatureOptions
        {
            AppName = "Mla",
            Reason = reason,
            Location = location,
        };
        _ = DigitalSignatureHandler.ForDocument(document, new PdfSharpDefaultSigner(certificate, PdfMessageDigestType.SHA256, null), options);
        using var output = new MemoryStream();
        document.Save(output, closeStream: false);
        return output.ToArray();
    }
}
