using System.Buffers.Binary;
using Mla.Documents.Fonts;
using Mla.Documents.Layout;

namespace Mla.Documents.Tests.Fonts;

public class DocumentFontsTests
{
    // What the text normaliser and the wording put into documents beyond plain Latin letters.
    private static readonly char[] TypographicCharacters =
    [
        TextNormaliser.NoBreakSpace, TextNormaliser.NarrowNoBreakSpace, TextNormaliser.Apostrophe, TextNormaliser.OpeningQuote,
        '°', 'º', 'ª', '§', '«', '»', '—', '–', '…', '€', 'œ', 'Œ', 'ç', 'ã', 'õ', 'ê', 'É', '•',
    ];

    private static IEnumerable<string> Faces() => ["DejaVuSans", "DejaVuSans-Bold", "DejaVuSans-Oblique"];

    [TestCaseSource(nameof(Faces))]
    public void BundledFace_EveryTypographicCharacterWeUse_HasAGlyph(string face)
    {
        var cmap = CharacterMap(face);

        Assert.Multiple(() =>
        {
            Assert.That(cmap, Does.Contain('A').And.Not.Contain('\u0378'), "the character map is read correctly");
            Assert.That(TypographicCharacters.Where(c => !cmap.Contains(c)).Select(c => $"U+{(int)c:X4}"), Is.Empty, "characters that would print as a missing-glyph box");
        });
    }

    [Test]
    public void Measure_NoBreakSpaces_WidthOfTheirGlyphNotOfTheMissingGlyphBox()
    {
        // PDFsharp measures a character the font lacks as the .notdef box: about 0.6 em in DejaVu Sans.
        var missing = FontMetrics.Measure(FontFace.Regular, '\u0378');

        Assert.Multiple(() =>
        {
            foreach (var face in Enum.GetValues<FontFace>())
            {
                Assert.That(FontMetrics.Measure(face, TextNormaliser.NoBreakSpace), Is.EqualTo(FontMetrics.Measure(face, ' ')), $"{face} U+00A0");
                Assert.That(FontMetrics.Measure(face, TextNormaliser.NarrowNoBreakSpace), Is.LessThan(FontMetrics.Measure(face, ' ')).And.Not.EqualTo(missing), $"{face} U+202F");
                Assert.That(FontMetrics.Measure(face, TextNormaliser.Apostrophe), Is.Not.EqualTo(missing), $"{face} U+2019");
            }
        });
    }

    /// <summary>The characters of the face's Unicode BMP character map (TrueType 'cmap', format 4).</summary>
    private static HashSet<char> CharacterMap(string face)
    {
        using var stream = typeof(DocumentFonts).Assembly.GetManifestResourceStream($"Mla.Documents.Fonts.{face}.ttf")!;
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var font = buffer.ToArray().AsSpan();

        var tables = BinaryPrimitives.ReadUInt16BigEndian(font[4..]);
        var cmap = -1;
        for (var i = 0; i < tables; i++)
        {
            var record = font[(12 + (16 * i))..];
            if (record[..4].SequenceEqual("cmap"u8))
            {
                cmap = (int)BinaryPrimitives.ReadUInt32BigEndian(record[8..]);
            }
        }

        var subtables = BinaryPrimitives.ReadUInt16BigEndian(font[(cmap + 2)..]);
        for (var i = 0; i < subtables; i++)
        {
            var record = font[(cmap + 4 + (8 * i))..];
            var platform = BinaryPrimitives.ReadUInt16BigEndian(record);
            var encoding = BinaryPrimitives.ReadUInt16BigEndian(record[2..]);
            var table = font[(cmap + (int)BinaryPrimitives.ReadUInt32BigEndian(record[4..]))..];
            if (platform == 3 && encoding == 1 && BinaryPrimitives.ReadUInt16BigEndian(table) == 4)
            {
                return Format4(table);
            }
        }

        throw new InvalidOperationException($"{face} has no Windows Unicode BMP character map.");
    }

    private static HashSet<char> Format4(ReadOnlySpan<byte> table)
    {
        var segments = BinaryPrimitives.ReadUInt16BigEndian(table[6..]) / 2;
        var ends = table[14..];
        var starts = table[(16 + (2 * segments))..];
        var deltas = table[(16 + (4 * segments))..];
        var offsets = table[(16 + (6 * segments))..];
        var characters = new HashSet<char>();
        for (var s = 0; s < segments; s++)
        {
            var end = BinaryPrimitives.ReadUInt16BigEndian(ends[(2 * s)..]);
            var start = BinaryPrimitives.ReadUInt16BigEndian(starts[(2 * s)..]);
            var delta = BinaryPrimitives.ReadUInt16BigEndian(deltas[(2 * s)..]);
            var offset = BinaryPrimitives.ReadUInt16BigEndian(offsets[(2 * s)..]);
            for (var c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph;
                if (offset == 0)
                {
                    glyph = (c + delta) & 0xFFFF;
                }
                else
                {
                    var at = (2 * s) + offset + (2 * (c - start));
                    glyph = BinaryPrimitives.ReadUInt16BigEndian(offsets[at..]);
                    glyph = glyph == 0 ? 0 : (glyph + delta) & 0xFFFF;
                }

                if (glyph != 0)
                {
                    characters.Add((char)c);
                }
            }
        }

        return characters;
    }
}
