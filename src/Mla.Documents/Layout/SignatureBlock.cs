namespace Mla.Documents.Layout;

/// <summary>The signatory's function, room to sign and seal, then the name, centred in the right half of the page
/// and kept on one page.</summary>
public sealed record SignatureBlock(string Name, string? Function = null, string? Note = null) : LayoutBlock
{
    internal override void Layout(PageComposer composer)
    {
        const double SpaceBefore = 16;
        const double SigningSpace = 44;
        var frame = composer.Frame;
        var x = frame.Left + (frame.BodyWidth / 2);
        var width = frame.Right - x;
        var function = Column(Function, Typography.Body);
        var note = Column(Note, Typography.BodyItalic with { Size = 8, Grey = 110 });
        var name = Column(Name, Typography.BodyBold);

        composer.EnsureSpace(SpaceBefore + Height(function) + Height(note) + SigningSpace + Height(name));
        composer.Advance(SpaceBefore);
        composer.PlaceColumns([function], minLinesOnPage: int.MaxValue);
        composer.PlaceColumns([note], minLinesOnPage: int.MaxValue);
        composer.Advance(SigningSpace);
        composer.PlaceColumns([name], minLinesOnPage: int.MaxValue);

        LineColumn Column(string? text, TextStyle style) => new(x, width, TextWrapper.Wrap(text, style, width), style, TextAlignment.Center);

        static double Height(LineColumn column) => column.Lines.Count * column.Style.LineHeight;
    }
}
