namespace Mla.Documents.Layout;

/// <summary>"Label: value" as two columns: the label in bold on the left, the value wrapped on the right.</summary>
public sealed record LabelledField(string Label, string Value) : LayoutBlock
{
    /// <summary>Share of the body width given to the label.</summary>
    public double LabelShare { get; init; } = 0.3;

    internal override void Layout(PageComposer composer)
    {
        const double Gap = 10;
        var frame = composer.Frame;
        var labelWidth = (frame.BodyWidth * LabelShare) - Gap;
        var valueX = frame.Left + (frame.BodyWidth * LabelShare);
        var valueWidth = frame.Right - valueX;
        composer.PlaceColumns(
        [
            new LineColumn(frame.Left, labelWidth, TextWrapper.Wrap(Label, Typography.BodyBold, labelWidth), Typography.BodyBold),
            new LineColumn(valueX, valueWidth, TextWrapper.Wrap(Value, Typography.Body, valueWidth), Typography.Body),
        ]);
        composer.Advance(3);
    }
}
