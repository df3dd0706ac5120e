namespace Mla.Documents.Layout;

public enum HeadingLevel
{
    /// <summary>The document title: large and centred.</summary>
    Title,

    /// <summary>A numbered section of the letter.</summary>
    Section,
}

/// <summary>A title or section heading; it never sits alone at the bottom of a page.</summary>
public sealed record Heading(string Text, HeadingLevel Level = HeadingLevel.Section) : LayoutBlock
{
    internal override void Layout(PageComposer composer) => Layout(composer, null);

    internal override void Layout(PageComposer composer, LayoutBlock? next)
    {
        var style = Level == HeadingLevel.Title ? Typography.Title : Typography.SectionHeading;
        var spaceBefore = Level == HeadingLevel.Title ? 6 : 10;
        var spaceAfter = Level == HeadingLevel.Title ? 8 : 3;
        var lines = TextWrapper.Wrap(Text, style, composer.Frame.BodyWidth);

        // Keep the heading with the first lines of what follows it.
        var lead = next?.LeadHeight(composer.Frame) ?? 2 * Typography.Body.LineHeight;
        composer.EnsureSpace(spaceBefore + (lines.Count * style.LineHeight) + spaceAfter + Math.Min(lead, composer.PageCapacity / 2));
        if (!composer.AtPageTop)
        {
            composer.Advance(spaceBefore);
        }

        var alignment = Level == HeadingLevel.Title ? TextAlignment.Center : TextAlignment.Left;
        composer.PlaceColumns([new LineColumn(composer.Frame.Left, composer.Frame.BodyWidth, lines, style, alignment)], minLinesOnPage: lines.Count);
        composer.Advance(spaceAfter);
    }
}
