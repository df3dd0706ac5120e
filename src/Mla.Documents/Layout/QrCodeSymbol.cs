using PdfSharp.Drawing;
using QRCoder;

namespace Mla.Documents.Layout;

/// <summary>
/// A QR code drawn as vector rectangles. PDFsharp 6.2.4 has no QR code, and its DataMatrix cannot render in the
/// Core build (docs/DOCUMENTS.md, "2-D code"), so QRCoder computes only the module matrix and the dark modules are
/// drawn here, one rectangle per horizontal run: no bitmap, sharp at any zoom or printer resolution, and no hairline
/// seams between neighbouring modules for a scanner to trip on.
/// </summary>
internal sealed class QrCodeSymbol
{
    /// <summary>Light modules required around the symbol (ISO/IEC 18004 quiet zone); the caller keeps them clear.</summary>
    public const int QuietZoneModules = 4;

    private readonly bool[,] _dark;

    private QrCodeSymbol(bool[,] dark) => _dark = dark;

    /// <summary>Modules along one side, quiet zone excluded (21 for version 1, 4 more per version).</summary>
    public int Modules => _dark.GetLength(0);

    /// <summary>Medium error correction (about 15 % of the symbol may be lost): what a folded or stamped page needs.</summary>
    public static QrCodeSymbol Encode(string text)
    {
        ArgumentException.ThrowIfNullOrEmpty(text);
        using var generator = new QRCodeGenerator();
        using var data = generator.CreateQrCode(text, QRCodeGenerator.ECCLevel.M);

        // QRCoder's matrix may or may not include its own quiet zone: keep the symbol alone, by its version's size.
        var modules = 17 + (4 * data.Version);
        var padding = (data.ModuleMatrix.Count - modules) / 2;
        var dark = new bool[modules, modules];
        for (var row = 0; row < modules; row++)
        {
            var bits = data.ModuleMatrix[row + padding];
            for (var column = 0; column < modules; column++)
            {
                dark[row, column] = bits[column + padding];
            }
        }

        return new QrCodeSymbol(dark);
    }

    /// <summary>Draws the symbol (quiet zone excluded) as a square of <paramref name="size"/> points at (x, y).</summary>
    public void Draw(XGraphics gfx, double x, double y, double size)
    {
        var module = size / Modules;
        for (var row = 0; row < Modules; row++)
        {
            var column = 0;
            while (column < Modules)
            {
                if (!_dark[row, column])
                {
                    column++;
                    continue;
                }

                var start = column;
                while (column < Modules && _dark[row, column])
                {
                    column++;
                }

                gfx.DrawRectangle(XBrushes.Black, x + (start * module), y + (row * module), (column - start) * module, module);
            }
        }
    }
}
