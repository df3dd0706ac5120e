namespace Mla.Documents.Layout;

/// <summary>A piece of a document that knows how to place itself on pages.</summary>
public abstract record LayoutBlock
{
    internal abstract void Layout(PageComposer composer);

    /// <summary>Lays the block out knowing the block that follows it (a heading keeps with it).</summary>
    internal virtual void Layout(PageComposer composer, LayoutBlock? next) => Layout(composer);

    /// <summary>The height this block's start needs on a page, so a heading above it is not left alone.</summary>
    internal virtual double LeadHeight(PageFrame frame) => 2 * Typography.Body.LineHeight;
}
