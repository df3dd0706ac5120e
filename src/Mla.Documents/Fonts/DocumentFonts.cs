using System.Reflection;
using PdfSharp.Fonts;

namespace Mla.Documents.Fonts;

/// <summary>
/// Installs the bundled DejaVu Sans faces as PDFsharp's font source, once per process.
/// Every family name resolves to DejaVu Sans, so output never depends on the fonts of the host.
/// </summary>
public static class DocumentFonts
{
    /// <summary>The family name to use with <see cref="PdfSharp.Drawing.XFont"/>.</summary>
    public const string FamilyName = "DejaVu Sans";

    private static readonly Lock InstallLock = new();
    private static volatile bool _installed;

    /// <summary>
    /// Makes the bundled fonts available to PDFsharp. Safe to call from any thread, any number of times.
    /// PDFsharp accepts one resolver per process: if the host already installed another one, ours
    /// becomes the fallback resolver, which PDFsharp consults for every face the host's one does not know.
    /// </summary>
    public static void EnsureInstalled()
    {
        if (_installed)
        {
            return;
        }

        lock (InstallLock)
        {
            if (_installed)
            {
                return;
            }

            var current = GlobalFontSettings.FontResolver;
            if (current is null)
            {
                GlobalFontSettings.FontResolver = EmbeddedFontResolver.Instance;
            }
            else if (!ReferenceEquals(current, EmbeddedFontResolver.Instance)
                && !ReferenceEquals(GlobalFontSettings.FallbackFontResolver, EmbeddedFontResolver.Instance))
            {
                if (GlobalFontSettings.FallbackFontResolver is not null)
                {
                    throw new InvalidOperationException(
                        "PDFsharp already has a font resolver and a fallback font resolver; Mla.Documents cannot install its bundled fonts.");
                }

                GlobalFontSettings.FallbackFontResolver = EmbeddedFontResolver.Instance;
            }

            _installed = true;
        }
    }

    /// <summary>Serves the TrueType files embedded in this assembly.</summary>
    private sealed class EmbeddedFontResolver : IFontResolver
    {
        public static readonly EmbeddedFontResolver Instance = new();

        private const string RegularFace = "DejaVuSans";
        private const string BoldFace = "DejaVuSans-Bold";
        private const string ObliqueFace = "DejaVuSans-Oblique";

        private readonly Dictionary<string, byte[]> _faces = new(StringComparer.Ordinal)
        {
            [RegularFace] = Load(RegularFace),
            [BoldFace] = Load(BoldFace),
            [ObliqueFace] = Load(ObliqueFace),
        };

        public FontResolverInfo? ResolveTypeface(string familyName, bool isBold, bool isItalic) => (isBold, isItalic) switch
        {
            (false, false) => new FontResolverInfo(RegularFace),
            (false, true) => new FontResolverInfo(ObliqueFace),
            (true, false) => new FontResolverInfo(BoldFace),
            // No bold-oblique face is bundled: PDFsharp slants the bold one.
            (true, true) => new FontResolverInfo(BoldFace, false, true),
        };

        public byte[]? GetFont(string faceName) => _faces.GetValueOrDefault(faceName);

        private static byte[] Load(string face)
        {
            var name = $"Mla.Documents.Fonts.{face}.ttf";
            using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(name)
                ?? throw new InvalidOperationException($"Embedded font '{name}' is missing from Mla.Documents.");
            using var buffer = new MemoryStream((int)stream.Length);
            stream.CopyTo(buffer);
            return buffer.ToArray();
        }
    }
}
