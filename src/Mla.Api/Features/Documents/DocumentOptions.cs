namespace Mla.Api.Features.Documents;

/// <summary>The <c>Documents</c> configuration section.</summary>
public sealed class DocumentOptions
{
    public const string SectionName = "Documents";

    /// <summary>Largest annex accepted, in bytes (default 20 MB).</summary>
    public long MaxAttachmentBytes { get; set; } = 20 * 1024 * 1024;

    /// <summary>Most annexes one request may hold (default 50).</summary>
    public int MaxAttachmentsPerRequest { get; set; } = 50;

    /// <summary>Most bytes the annexes of one request may hold together (default 100 MB).</summary>
    public long MaxAttachmentBytesPerRequest { get; set; } = 100 * 1024 * 1024;

    /// <summary>How transmitted documents are signed (<c>Documents:Signing</c>).</summary>
    public DocumentSigningOptions Signing { get; set; } = new();
}

/// <summary>
/// The requesting central authorities' certificates, by State: <c>Documents:Signing:Certificates:MLI:Path</c> (a PKCS#12
/// file with its private key) and <c>...:Password</c>. A State without one signs with a self-signed certificate
/// generated once per process, which is what Development and the tests use.
/// </summary>
public sealed class DocumentSigningOptions
{
    public Dictionary<string, SigningCertificateOptions> Certificates { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

public sealed class SigningCertificateOptions
{
    public string Path { get; set; } = "";

    public string? Password { get; set; }
}
