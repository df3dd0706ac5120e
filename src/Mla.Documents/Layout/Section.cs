namespace Mla.Documents.Layout;

/// <summary>
/// A heading and the blocks under it, laid out with the rules of a formal letter:
/// <list type="bullet">
/// <item>the heading is never among the last lines of a page: at least two lines of its content follow it there
/// (or all of its content, when shorter);</item>
/// <item>with <see cref="KeepTogether"/>, the whole section starts on a new page rather than be split (a person's
/// record, a warrant, a block of labelled fields, the closing formula with the signature); only a section longer
/// than a page is split;</item>
/// <item>with <see cref="ContinuedSuffix"/>, the heading is repeated with that suffix ("(suite)") at the top of each
/// page the section continues on.</item>
/// </list>
/// A section without a heading is only a group kept together.
/// </summary>
public sealed record Section(Heading? Heading, IReadOnlyList<LayoutBlock> Content) : LayoutBlock
{
    /// <summary>Fewest lines of content that must follow the heading on its page.</summary>
    private const int LinesAfterHeading = 2;

    public bool KeepTogether { get; init; }

    /// <summary>Suffix of the heading repeated on continuation pages, e.g. "(suite)"; null: not repeated.</summary>
    public string? ContinuedSuffix { get; init; }

    internal override void Layout(PageComposer composer)
    {
        if (KeepTogether && !composer.AtPageTop && !FitsOnCurrentPage(composer) && FitsOnAPage(composer))
        {
            composer.NewPage();
        }

        if (Heading is not null && !composer.AtPageTop && !HeadingKeepsItsLines(composer))
        {
            composer.NewPage();
        }

        Place(composer);
    }

    private bool FitsOnCurrentPage(PageComposer composer)
    {
        var trial = composer.Fork();
        Place(trial);
        return trial.PageIndex == 0;
    }

    private bool FitsOnAPage(PageComposer composer)
    {
        var trial = composer.Fork();
        trial.NewPage();
        Place(trial);
        return trial.PageIndex == 1;
    }

    /// <summary>Lays the heading and the start of the content out on a trial composer and counts the lines
    /// of content that land on the heading's page.</summary>
    private bool HeadingKeepsItsLines(PageComposer composer)
    {
        var trial = composer.Fork();
        Heading!.Place(trial);
        var page = trial.PageIndex;
        var mark = trial.OperationCount;
        for (var i = 0; i < Content.Count; i++)
        {
            Content[i].Layout(trial, i + 1 < Content.Count ? Content[i + 1] : null);
            if (trial.PageIndex != page)
            {
                return trial.LinesOn(page, mark) >= LinesAfterHeading;
            }

            if (trial.LinesOn(page, mark) >= LinesAfterHeading)
            {
                return true;
            }
        }

        // All of the content is on the heading's page.
        return true;
    }

    private void Place(PageComposer composer)
    {
        Heading?.Place(composer);
        var repeated = Heading is not null && ContinuedSuffix is not null;
        if (repeated)
        {
            composer.PushRepeated(Heading!.Continued(ContinuedSuffix!));
        }

        for (var i = 0; i < Content.Count; i++)
        {
            Content[i].Layout(composer, i + 1 < Content.Count ? Content[i + 1] : null);
        }

        if (repeated)
        {
            composer.PopRepeated();
        }
    }
}
