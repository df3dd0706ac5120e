namespace Mla.Documents.Layout;

/// <summary>The few text styles of a formal letter. One place, so every document looks the same.</summary>
public static class Typography
{
    public static TextStyle Body { get; } = new(FontFace.Regular, 10, 14);

    public static TextStyle BodyBold { get; } = new(FontFace.Bold, 10, 14);

    public static TextStyle BodyItalic { get; } = new(FontFace.Italic, 10, 14);

    public static TextStyle Title { get; } = new(FontFace.Bold, 14, 19);

    public static TextStyle SectionHeading { get; } = new(FontFace.Bold, 11, 16);

    public static TextStyle TableBody { get; } = new(FontFace.Regular, 9, 12);

    public static TextStyle TableHeader { get; } = new(FontFace.Bold, 9, 12);

    public static TextStyle Letterhead { get; } = new(FontFace.Bold, 8.5, 11);

    public static TextStyle Footer { get; } = new(FontFace.Regular, 8, 11) { Grey = 70 };

    public static TextStyle Marking { get; } = new(FontFace.Bold, 10, 14);

    public static TextStyle Watermark { get; } = new(FontFace.Bold, 96, 110) { Grey = 228 };
}
