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
}
