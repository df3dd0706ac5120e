namespace Mla.Documents.Layout;

/// <summary>Vertical space; dropped at the top of a page.</summary>
public sealed record Spacer(double Height) : LayoutBlock
{
    internal override void Layout(PageComposer composer)
    {
        if (!composer.AtPageTop)
        {
            composer.Advance(Height);
        }
    }
}
