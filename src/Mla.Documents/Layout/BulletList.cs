namespace Mla.Documents.Layout;

/// <summary>Items each starting with a bullet, wrapped under their first word.</summary>
public sealed record BulletList(IReadOnlyList<string> Items) : LayoutBlock
{
    public string Bullet { get; init; } = "•";

    internal override void Layout(PageComposer composer)
    {
        const double Indent = 16;
        var frame = composer.Frame;
        var style = Typography.Body;
        foreach (var item in Items)
        {
            var lines = TextWrapper.Wrap(item, style, frame.BodyWidth - Indent);
            composer.PlaceColumns(
            [
                new LineColumn(frame.Left + 4, Indent, [Bullet], style),
                new LineColumn(frame.Left + Indent, frame.BodyWidth - Indent, lines, style),
            ]);
            composer.Advance(2);
        }

        composer.Advance(4);
    }
}
