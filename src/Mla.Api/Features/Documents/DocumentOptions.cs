namespace Mla.Api.Features.Documents;

/// <summary>The <c>Documents</c> configuration section.</summary>
public sealed class DocumentOptions
{
    public const string SectionName = "Documents";

    /// <summary>Largest annex accepted, in bytes (default 20 MB).</summary>
    public long MaxAttachmentBytes { get; set; } = 20 * 1024 * 1024;
}
