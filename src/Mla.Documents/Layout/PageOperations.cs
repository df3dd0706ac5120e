namespace Mla.Documents.Layout;

/// <summary>What a laid-out page holds before it is drawn: positions in points from the top-left corner.</summary>
internal abstract record PageOperation;

/// <summary>What a piece of text is in the document's structure (the PDF's tags, read by screen readers).</summary>
internal enum TextRole
{
    Body,
    Title,
    Heading,
    RecordHeading,
}

/// <summary>Text drawn on one line; <c>Top</c> is the top of the line, not the baseline. Lines with the same
/// <c>Block</c> were placed together (a paragraph's share of a page, a labelled field, a table row).</summary>
internal sealed record TextOperation(double X, double Top, string Text, TextStyle Style, int Block = 0, TextRole Role = TextRole.Body) : PageOperation;

internal sealed record LineOperation(double X1, double Y1, double X2, double Y2, double Thickness) : PageOperation;

internal sealed record FillOperation(double X, double Y, double Width, double Height, byte Grey) : PageOperation;

/// <summary>An outline entry: its title and the top of its heading on the page.</summary>
internal sealed record Bookmark(string Title, double Top);

internal sealed class LaidOutPage
{
    public List<PageOperation> Operations { get; } = [];

    public List<Bookmark> Bookmarks { get; } = [];
}
