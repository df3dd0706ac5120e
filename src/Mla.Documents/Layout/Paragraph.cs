namespace Mla.Documents.Layout;

/// <summary>Running text, wrapped word by word and split across pages line by line.</summary>
public sealed record Paragraph(string Text, TextStyle? Style = null, TextAlignment Alignment = TextAlignment.Left) : LayoutBlock
{
    public double SpaceAfter { get; init; } = 6;

    internal override void Layout(PageComposer composer)
    {
        var style = Style ?? Typography.Body;
        var lines = TextWrapper.Wrap(Text, style, composer.Frame.BodyWidth);
        composer.PlaceColumns([new LineColumn(composer.Frame.Left, composer.Frame.BodyWidth, lines, style, Alignment)]);
        composer.Advance(SpaceAfter);
    }
}
