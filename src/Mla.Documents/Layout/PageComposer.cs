namespace Mla.Documents.Layout;

/// <summary>One column of wrapped lines placed side by side with others (label and value, table cells).</summary>
internal readonly record struct LineColumn(double X, double Width, IReadOnlyList<string> Lines, TextStyle Style, TextAlignment Alignment = TextAlignment.Left);

/// <summary>
/// Places blocks down the body area of successive pages. Content moves to a new page when it does not fit;
/// it is split line by line when it cannot fit on any page, so no line is ever dropped.
/// </summary>
internal sealed class PageComposer
{
    private const double Epsilon = 0.01;

    /// <summary>Blocks placed again at the top of every new page while they are pushed: continuation headings.</summary>
    private readonly List<LayoutBlock> _repeated = [];
    private double _contentTop;
    private bool _repeating;
    private int _blocks;

    public PageComposer(PageFrame frame)
    {
        Frame = frame;
        NewPage();
    }

    private PageComposer(PageFrame frame, double y, double contentTop, List<LayoutBlock> repeated)
    {
        Frame = frame;
        Pages.Add(new LaidOutPage());
        Y = y;
        _contentTop = contentTop;
        _repeated.AddRange(repeated);
    }

    public PageFrame Frame { get; }

    public List<LaidOutPage> Pages { get; } = [];

    public double Y { get; private set; }

    /// <summary>Nothing but repeated headings is on the page yet: moving on to a new page would gain nothing.</summary>
    public bool AtPageTop => Y <= _contentTop + Epsilon;

    /// <summary>Index of the current page in <see cref="Pages"/>.</summary>
    public int PageIndex => Pages.Count - 1;

    /// <summary>Operations on the current page so far: a mark to count what was placed after it.</summary>
    public int OperationCount => Current.Operations.Count;

    public double Remaining => Frame.BodyBottom - Y;

    /// <summary>Height available on an empty page.</summary>
    public double PageCapacity => Frame.BodyBottom - Frame.BodyTop;

    private LaidOutPage Current => Pages[^1];

    public void NewPage()
    {
        Pages.Add(new LaidOutPage());
        Y = Frame.BodyTop;
        _contentTop = Y;
        if (_repeating || _repeated.Count == 0)
        {
            return;
        }

        _repeating = true;
        try
        {
            foreach (var block in _repeated)
            {
                block.Layout(this);
            }
        }
        finally
        {
            _repeating = false;
        }

        _contentTop = Y;
    }

    /// <summary>
    /// A composer that continues from this one's position on a scratch page, with the same repeated headings:
    /// blocks laid out on it show where they would land (which page, how many lines) without placing anything here.
    /// Its page 0 stands for this composer's current page.
    /// </summary>
    public PageComposer Fork() => new(Frame, Y, _contentTop, _repeated);

    /// <summary>From now on, <paramref name="block"/> is placed at the top of every new page, until <see cref="PopRepeated"/>.</summary>
    public void PushRepeated(LayoutBlock block) => _repeated.Add(block);

    public void PopRepeated() => _repeated.RemoveAt(_repeated.Count - 1);

    /// <summary>Distinct lines of text on page <paramref name="page"/> from operation <paramref name="from"/> on.</summary>
    public int LinesOn(int page, int from)
    {
        var tops = new HashSet<double>();
        var operations = Pages[page].Operations;
        for (var i = from; i < operations.Count; i++)
        {
            if (operations[i] is TextOperation text)
            {
                tops.Add(Math.Round(text.Top, 2));
            }
        }

        return tops.Count;
    }

    /// <summary>An entry of the document outline (a bookmark) pointing at <paramref name="top"/> on the current page.</summary>
    public void AddBookmark(string title, double top) => Current.Bookmarks.Add(new Bookmark(title, top));

    /// <summary>Starts a new page unless <paramref name="height"/> still fits (or the page is empty anyway).</summary>
    public void EnsureSpace(double height)
    {
        if (height > Remaining + Epsilon && !AtPageTop)
        {
            NewPage();
        }
    }

    /// <summary>Moves down; space is not carried over to the top of a new page.</summary>
    public void Advance(double height) => Y = Math.Min(Y + height, Frame.BodyBottom);

    public void AddText(double x, double top, string text, TextStyle style, int block = 0, TextRole role = TextRole.Body)
    {
        if (text.Length > 0)
        {
            Current.Operations.Add(new TextOperation(x, top, text, style, block, role));
        }
    }

    public void AddLine(double x1, double y1, double x2, double y2, double thickness = 0.5) =>
        Current.Operations.Add(new LineOperation(x1, y1, x2, y2, thickness));

    public void AddFill(double x, double y, double width, double height, byte grey) =>
        Current.Operations.Add(new FillOperation(x, y, width, height, grey));

    /// <summary>
    /// Places columns of lines side by side, row by row, splitting across pages where needed. Each column's
    /// share of a page is emitted as one run, so text extraction reads a cell's text in one piece.
    /// </summary>
    /// <param name="columns">The columns, each with its own lines.</param>
    /// <param name="padding">Space above and below the lines of each page's share (table cell padding).</param>
    /// <param name="minLinesOnPage">Fewest lines worth starting at the bottom of a page (widow control).</param>
    /// <param name="onNewPage">Called after a page break, e.g. to repeat a table's header row.</param>
    /// <param name="background">Called with the top and height of each page's share, before its text.</param>
    /// <param name="foreground">Same, after its text: borders.</param>
    /// <param name="role">What the text is in the document's structure.</param>
    public void PlaceColumns(
        IReadOnlyList<LineColumn> columns,
        double padding = 0,
        int minLinesOnPage = 2,
        Action? onNewPage = null,
        Action<double, double>? background = null,
        Action<double, double>? foreground = null,
        TextRole role = TextRole.Body)
    {
        // Captured now: a header row repeated on a new page in the middle is a block of its own.
        var block = ++_blocks;
        var lineHeight = 0.0;
        var total = 0;
        foreach (var column in columns)
        {
            lineHeight = Math.Max(lineHeight, column.Style.LineHeight);
            total = Math.Max(total, column.Lines.Count);
        }

        var start = 0;
        while (start < total)
        {
            var fit = (int)Math.Floor((Remaining - (2 * padding) + Epsilon) / lineHeight);
            var wanted = Math.Min(minLinesOnPage, total - start);
            if (fit < wanted && !AtPageTop)
            {
                NewPage();
                onNewPage?.Invoke();
                continue;
            }

            // On an empty page at least one line goes, whatever the sizes, so the loop always progresses.
            var count = Math.Clamp(fit, 1, total - start);
            var top = Y;
            var height = (count * lineHeight) + (2 * padding);
            background?.Invoke(top, height);
            foreach (var column in columns)
            {
                var end = Math.Min(start + count, column.Lines.Count);
                for (var i = start; i < end; i++)
                {
                    var line = column.Lines[i];
                    var x = column.Alignment switch
                    {
                        TextAlignment.Right => column.X + column.Width - column.Style.Measure(line),
                        TextAlignment.Center => column.X + ((column.Width - column.Style.Measure(line)) / 2),
                        _ => column.X,
                    };
                    AddText(x, top + padding + ((i - start) * lineHeight), line, column.Style, block, role);
                }
            }

            foreground?.Invoke(top, height);
            Y = top + height;
            start += count;
        }
    }
}
