namespace Mla.Documents.Layout;

public enum HeadingLevel
{
    /// <summary>The document title: large and centred.</summary>
    Title,

    /// <summary>A numbered section of the letter.</summary>
    Section,

    /// <summary>The heading of a record inside a section: a person's name.</summary>
    Record,
}

/// <summary>A title, section or record heading; it never sits alone at the bottom of a page.</summary>
public sealed record Heading(string Text, HeadingLevel Level = HeadingLevel.Section) : LayoutBlock
{
    /// <summary>Whether the heading is an entry of the PDF outline (bookmarks).</summary>
    public bool InOutline { get; init; }

    private TextStyle Style => Level switch
    {
        HeadingLevel.Title => Typography.Title,
        HeadingLevel.Record => Typography.BodyBold,
        _ => Typography.SectionHeading,
    };

    private double SpaceBefore => Level switch
    {
        HeadingLevel.Title => 6,
        HeadingLevel.Record => 4,
        _ => 10,
    };

    private double SpaceAfter => Level switch
    {
        HeadingLevel.Title => 8,
        HeadingLevel.Record => 2,
        _ => 3,
    };

    /// <summary>The same heading for the top of a page its section continues on: "4. Personnes concernées (suite)".</summary>
    public Heading Continued(string suffix) => this with { Text = $"{Text} {suffix}", InOutline = false };

    internal override void Layout(PageComposer composer) => Layout(composer, null);

    internal override void Layout(PageComposer composer, LayoutBlock? next)
    {
        // Keep the heading with the first lines of what follows it.
        var lines = TextWrapper.Wrap(Text, Style, composer.Frame.BodyWidth);
        var lead = next?.LeadHeight(composer.Frame) ?? 2 * Typography.Body.LineHeight;
        composer.EnsureSpace(SpaceBefore + (lines.Count * Style.LineHeight) + SpaceAfter + Math.Min(lead, composer.PageCapacity / 2));
        Place(composer, lines);
    }

    /// <summary>Places the heading where the composer is, moving on only if its own lines do not fit:
    /// a <see cref="Section"/> has already decided what must follow it on the page.</summary>
    internal void Place(PageComposer composer)
    {
        var lines = TextWrapper.Wrap(Text, Style, composer.Frame.BodyWidth);
        composer.EnsureSpace(SpaceBefore + (lines.Count * Style.LineHeight) + SpaceAfter);
        Place(composer, lines);
    }

    private void Place(PageComposer composer, List<string> lines)
    {
        if (!composer.AtPageTop)
        {
            composer.Advance(SpaceBefore);
        }

        if (InOutline)
        {
            composer.AddBookmark(TextNormaliser.Normalise(Text), composer.Y);
        }

        var alignment = Level == HeadingLevel.Title ? TextAlignment.Center : TextAlignment.Left;
        var role = Level switch
        {
            HeadingLevel.Title => TextRole.Title,
            HeadingLevel.Record => TextRole.RecordHeading,
            _ => TextRole.Heading,
        };
        composer.PlaceColumns([new LineColumn(composer.Frame.Left, composer.Frame.BodyWidth, lines, Style, alignment)], minLinesOnPage: lines.Count, role: role);
        composer.Advance(SpaceAfter);
    }
}
