namespace Mla.Documents.Layout;

/// <summary>A piece of a document that knows how to place itself on pages.</summary>
public abstract record LayoutBlock
{
    internal abstract void Layout(PageComposer composer);
}
