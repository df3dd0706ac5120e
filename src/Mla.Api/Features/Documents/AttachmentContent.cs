using System.IO.Compression;

namespace Mla.Api.Features.Documents;

/// <summary>
/// Recognises an annex by its content, never by its name or the client's Content-Type: PDF, JPEG, PNG
/// and DOCX (a ZIP package holding a WordprocessingML main part). Anything else is refused.
/// </summary>
public static class AttachmentContent
{
    public const string Pdf = "application/pdf";
    public const string Jpeg = "image/jpeg";
    public const string Png = "image/png";
    public const string Docx = "application/vnd.openxmlformats-officedocument.wordprocessingml.document";

    public static IReadOnlyList<string> Accepted { get; } = [Pdf, Jpeg, Png, Docx];

    private static ReadOnlySpan<byte> PdfMagic => "%PDF-"u8;

    private static ReadOnlySpan<byte> JpegMagic => [0xFF, 0xD8, 0xFF];

    private static ReadOnlySpan<byte> PngMagic => [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A];

    private static ReadOnlySpan<byte> ZipMagic => [0x50, 0x4B, 0x03, 0x04];

    /// <summary>The recognised media type, or null when the content is none of the accepted kinds.</summary>
    public static string? Detect(byte[] content)
    {
        var span = content.AsSpan();
        if (span.StartsWith(PdfMagic))
        {
            return Pdf;
        }

        if (span.StartsWith(PngMagic))
        {
            return Png;
        }

        if (span.StartsWith(JpegMagic))
        {
            return Jpeg;
        }

        return span.StartsWith(ZipMagic) && IsWordDocument(content) ? Docx : null;
    }

    private static bool IsWordDocument(byte[] content)
    {
        try
        {
            using var archive = new ZipArchive(new MemoryStream(content, writable: false), ZipArchiveMode.Read);
            var types = archive.GetEntry("[Content_Types].xml");
            if (types is null || archive.GetEntry("word/document.xml") is null)
            {
                return false;
            }

            // Bounded read: a hostile archive may claim a huge entry.
            using var reader = new StreamReader(types.Open());
            var buffer = new char[64 * 1024];
            var read = reader.ReadBlock(buffer, 0, buffer.Length);
            return new string(buffer, 0, read).Contains("wordprocessingml.document.main+xml", StringComparison.Ordinal);
        }
        catch (InvalidDataException)
        {
            return false;
        }
    }
}
