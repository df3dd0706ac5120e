using Mla.Documents.Layout;

namespace Mla.Documents.Reports;

/// <summary>Ends the page here (after a report's title page), unless the page is still empty.</summary>
public sealed record PageBreak : LayoutBlock
{
    internal override void Layout(PageComposer composer)
    {
        if (!composer.AtPageTop)
        {
            composer.NewPage();
        }
    }
}
