using System.Security.Cryptography;
using System.Text;
using Mla.Documents.Fonts;
using PdfSharp.Drawing;
using PdfSharp.Pdf;
using PdfSharp.UniversalAccessibility;

namespace Mla.Documents.Layout;

/// <summary>Document information written into the PDF.</summary>
public sealed record DocumentMetadata(string Title, string Author, string Subject, string Creator, DateTime CreationDate);

/// <summary>
/// A formal letter as blocks plus what repeats on every page. <see cref="Render"/> lays the blocks out
/// first and draws afterwards, so every footer knows the total number of pages.
/// </summary>
public sealed class LayoutDocument(DocumentMetadata metadata)
{
    public DocumentMetadata Metadata { get; } = metadata;

    public List<LayoutBlock> Blocks { get; } = [];

    /// <summary>Lines at the top of every page, e.g. "République du Mali", "Ministère de la Justice".</summary>
    public IReadOnlyList<string> LetterheadLines { get; init; } = [];

    /// <summary>Left part of the footer, e.g. the reference number.</summary>
    public string FooterText { get; init; } = string.Empty;

    /// <summary>Right part of the footer from (page, pages), e.g. "page 2 of 5".</summary>
    public Func<int, int, string> PageLabel { get; init; } = (page, pages) => $"{page}/{pages}";

    /// <summary>When set, printed across every page and in its top corner (drafts).</summary>
    public string? DraftMarking { get; init; }

    /// <summary>A line printed in every page's footer under the reference, e.g. the document's verification code.</summary>
    public string? VerificationText { get; init; }

    /// <summary>When set, the text of a QR code printed at the foot of every page, beside the verification line.</summary>
    public string? QrCodeText { get; init; }

    /// <summary>Language of the text (BCP 47, e.g. "fr"): the PDF catalog's /Lang, which screen readers and
    /// text-to-speech rely on to pronounce the words, and spelling tools to check them.</summary>
    public string? Language { get; init; }

    /// <summary>
    /// Writes the file as PDF/A-2b: tagged (a structure tree of title, headings and paragraphs; running header,
    /// footer, rules and watermark as artifacts), with the sRGB output intent and the PDF/A identification in its
    /// XMP metadata. Off by default: see docs/DOCUMENTS.md, "PDF/A", for what was checked and what was not.
    /// </summary>
    public bool PdfA { get; set; }

    public LayoutDocument Add(LayoutBlock block)
    {
        Blocks.Add(block);
        return this;
    }

    public byte[] Render()
    {
        DocumentFonts.EnsureInstalled();
        var frame = PageFrame.A4(LetterheadLines.Count);
        var pages = Layout(frame);

        using var pdf = new PdfDocument();
        WriteMetadata(pdf);
        if (PdfA)
        {
            // PDFsharp 6.2.4 then wants every drawing inside the structure tree built below. Its accessibility
            // manager sets the catalog's language to English: the document's own is set again after it.
            pdf.SetPdfA();
            if (!string.IsNullOrWhiteSpace(Language))
            {
                pdf.Language = Language;
            }
        }

        // XFont per document and style: PDFsharp ties a font's PDF objects to the document that uses it.
        var fonts = new Dictionary<TextStyle, XFont>();
        XFont FontFor(TextStyle style)
        {
            if (!fonts.TryGetValue(style, out var font))
            {
                font = new XFont(DocumentFonts.FamilyName, style.Size, style.XStyle, XPdfFontOptions.UnicodeDefault);
                fonts[style] = font;
            }

            return font;
        }

        var decorator = new PageDecorator(this, frame, FontFor);
        for (var i = 0; i < pages.Count; i++)
        {
            var page = pdf.AddPage();
            page.Width = XUnit.FromPoint(frame.Width);
            page.Height = XUnit.FromPoint(frame.Height);
            using (var gfx = XGraphics.FromPdfPage(page))
            {
                var structure = PdfA ? UAManager.ForDocument(pdf).StructureBuilder : null;
                if (i == 0)
                {
                    structure?.BeginElement(PdfGroupingElementTag.Document);
                }

                structure?.BeginArtifact();
                decorator.DrawBackground(gfx);
                decorator.DrawHeader(gfx);
                structure?.End();
                DrawOperations(gfx, pages[i], FontFor, structure);
                structure?.BeginArtifact();
                decorator.DrawFooter(gfx, i + 1, pages.Count);
                structure?.End();
                if (i == pages.Count - 1)
                {
                    structure?.End();
                }
            }

            AddBookmarks(pdf, page, pages[i], frame);
        }

        MakeFontSubsetNamesDeterministic(pdf);
        using var stream = new MemoryStream();
        pdf.Save(stream, false);
        var bytes = stream.ToArray();
        MakeXmpIdsDeterministic(bytes);
        if (PdfA)
        {
            IdentifyAsPdfA2b(bytes);
        }

        return bytes;
    }

    /// <summary>First pass: places every block on pages, drawing nothing yet.</summary>
    internal List<LaidOutPage> Layout(PageFrame frame)
    {
        var composer = new PageComposer(frame);
        for (var i = 0; i < Blocks.Count; i++)
        {
            Blocks[i].Layout(composer, i + 1 < Blocks.Count ? Blocks[i + 1] : null);
        }

        return composer.Pages;
    }

    /// <summary>One outline entry per section heading, opening the page at the heading (a little above it).</summary>
    private static void AddBookmarks(PdfDocument pdf, PdfPage page, LaidOutPage laidOut, PageFrame frame)
    {
        foreach (var bookmark in laidOut.Bookmarks)
        {
            var outline = pdf.Outlines.Add(bookmark.Title, page, false);
            outline.PageDestinationType = PdfPageDestinationType.Xyz;
            outline.Left = 0;
            outline.Top = Math.Round(Math.Min(frame.Height, frame.Height - bookmark.Top + 12), 2);
        }

        if (laidOut.Bookmarks.Count > 0)
        {
            pdf.PageMode = PdfPageMode.UseOutlines;
        }
    }

    /// <summary>Draws a page's body. With a structure builder, the lines of one block become one element
    /// (title, heading or paragraph) and table rules and fills are artifacts.</summary>
    private static void DrawOperations(XGraphics gfx, LaidOutPage page, Func<TextStyle, XFont> fonts, StructureBuilder? structure)
    {
        XPen? pen = null;

        // The element being written: a text block and its role, or (-1, null) for an artifact (rules, fills).
        (int Block, TextRole? Role)? open = null;
        foreach (var operation in page.Operations)
        {
            if (structure is not null)
            {
                var element = operation is TextOperation t ? (t.Block, (TextRole?)t.Role) : (-1, null);
                if (open is not null && open != element)
                {
                    structure.End();
                    open = null;
                }

                if (open is null)
                {
                    Begin(structure, element.Item2);
                    open = element;
                }
            }

            switch (operation)
            {
                case TextOperation text:
                    gfx.DrawString(text.Text, fonts(text.Style), PageDecorator.Brush(text.Style), text.X, text.Top + text.Style.BaselineOffset);
                    break;
                case LineOperation line:
                    pen = pen is not null && pen.Width == line.Thickness ? pen : new XPen(XColors.Black, line.Thickness);
                    gfx.DrawLine(pen, line.X1, line.Y1, line.X2, line.Y2);
                    break;
                case FillOperation fill:
                    gfx.DrawRectangle(new XSolidBrush(XColor.FromArgb(fill.Grey, fill.Grey, fill.Grey)), fill.X, fill.Y, fill.Width, fill.Height);
                    break;
            }
        }

        if (open is not null)
        {
            structure!.End();
        }

        static void Begin(StructureBuilder structure, TextRole? role)
        {
            switch (role)
            {
                case null:
                    structure.BeginArtifact();
                    break;
                case TextRole.Title:
                    structure.BeginElement(PdfBlockLevelElementTag.Heading1);
                    break;
                case TextRole.Heading:
                    structure.BeginElement(PdfBlockLevelElementTag.Heading2);
                    break;
                case TextRole.RecordHeading:
                    structure.BeginElement(PdfBlockLevelElementTag.Heading3);
                    break;
                default:
                    structure.BeginElement(PdfBlockLevelElementTag.Paragraph);
                    break;
            }
        }
    }

    /// <summary>
    /// PDFsharp 6.2.4 writes "PDF/A-1a" as the identification whatever was produced. What is produced here is meant
    /// as PDF/A-2b: the identification is rewritten in place in the uncompressed XMP stream, same length, so every
    /// byte offset stays valid.
    /// </summary>
    private static void IdentifyAsPdfA2b(byte[] pdf)
    {
        Replace(pdf, "<pdfaid:part>1</pdfaid:part>"u8, "<pdfaid:part>2</pdfaid:part>"u8);
        Replace(pdf, "<pdfaid:conformance>A</pdfaid:conformance>"u8, "<pdfaid:conformance>B</pdfaid:conformance>"u8);

        static void Replace(Span<byte> bytes, ReadOnlySpan<byte> from, ReadOnlySpan<byte> to)
        {
            var at = bytes.IndexOf(from);
            if (at < 0)
            {
                throw new InvalidOperationException("PDFsharp wrote no PDF/A identification: PDF/A output needs revisiting.");
            }

            to.CopyTo(bytes[at..]);
        }
    }

    /// <summary>
    /// PDFsharp tags each embedded font subset ("ABCDEF+DejaVu Sans") with letters from a random GUID, so two
    /// renderings of the same input would differ. The tag only has to be unique within the file: derive it from the name.
    /// </summary>
    private static void MakeFontSubsetNamesDeterministic(PdfDocument pdf)
    {
        var tags = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var item in pdf.Internals.GetAllObjects())
        {
            if (item is not PdfDictionary dictionary)
            {
                continue;
            }

            foreach (var key in (ReadOnlySpan<string>)["/BaseFont", "/FontName"])
            {
                var name = dictionary.Elements.GetName(key);
                if (name.Length > 8 && name[7] == '+')
                {
                    var baseName = name[8..];
                    if (!tags.TryGetValue(baseName, out var tag))
                    {
                        tag = SubsetTag(baseName, tags.Count);
                        tags[baseName] = tag;
                    }

                    dictionary.Elements.SetName(key, $"/{tag}+{baseName}");
                }
            }
        }
    }

    /// <summary>
    /// PDFsharp writes random UUIDs as the XMP document and instance ids. The XMP stream is stored uncompressed,
    /// so each UUID is overwritten in place by one derived from the document, keeping every byte offset valid.
    /// </summary>
    private void MakeXmpIdsDeterministic(byte[] pdf)
    {
        ReadOnlySpan<byte> marker = "uuid:"u8;
        var seed = SHA256.HashData(Encoding.UTF8.GetBytes($"{Metadata.Title}|{Metadata.Author}|{Metadata.Subject}|{Metadata.CreationDate:O}"));
        var span = pdf.AsSpan();
        var start = 0;
        var index = 0;
        int found;
        while ((found = span[start..].IndexOf(marker)) >= 0)
        {
            var at = start + found + marker.Length;
            if (at + 36 > span.Length || !Guid.TryParseExact(Encoding.ASCII.GetString(span.Slice(at, 36)), "D", out _))
            {
                start = at;
                continue;
            }

            seed[0] ^= (byte)index++;
            var uuid = new Guid(seed.AsSpan(0, 16)).ToString("D");
            Encoding.ASCII.GetBytes(uuid, span.Slice(at, 36));
            start = at + 36;
        }
    }

    private static string SubsetTag(string baseName, int index)
    {
        var hash = SHA256.HashData(Encoding.UTF8.GetBytes($"{index}|{baseName}"));
        return string.Create(6, hash, (chars, bytes) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)('A' + (bytes[i] % 26));
            }
        });
    }

    private void WriteMetadata(PdfDocument pdf)
    {
        pdf.Info.Title = TextNormaliser.Normalise(Metadata.Title);
        pdf.Info.Author = TextNormaliser.Normalise(Metadata.Author);
        pdf.Info.Subject = TextNormaliser.Normalise(Metadata.Subject);
        pdf.Info.Creator = Metadata.Creator;
        pdf.Info.CreationDate = Metadata.CreationDate;
        if (!string.IsNullOrWhiteSpace(Language))
        {
            pdf.Language = Language;
        }

        pdf.Info.ModificationDate = Metadata.CreationDate;
        pdf.Options.CompressContentStreams = true;

        // Same input, same bytes: the file identifier is derived from the metadata instead of a random GUID.
        var id = SHA256.HashData(Encoding.UTF8.GetBytes($"{Metadata.Title}|{Metadata.Author}|{Metadata.Subject}|{Metadata.CreationDate:O}"));
        var raw = string.Create(16, id, (chars, bytes) =>
        {
            for (var i = 0; i < chars.Length; i++)
            {
                chars[i] = (char)bytes[i];
            }
        });
        pdf.Internals.FirstDocumentID = raw;
        pdf.Internals.SecondDocumentID = raw;
    }
}
