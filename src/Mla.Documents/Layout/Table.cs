namespace Mla.Documents.Layout;

/// <summary>
/// A bordered table: a header row repeated on every page the table spans, then rows whose cells wrap.
/// A row moves to the next page when it fits there whole, and is split line by line only when it is taller than a page.
/// </summary>
/// <remarks><c>ColumnWeights</c> are relative widths: the columns share the body width in these proportions.</remarks>
public sealed record Table(IReadOnlyList<string> Header, IReadOnlyList<IReadOnlyList<string>> Rows, IReadOnlyList<double> ColumnWeights) : LayoutBlock
{
    private const double Padding = 3;
    private const byte HeaderFill = 225;

    internal override double LeadHeight(PageFrame frame)
    {
        var xs = ColumnEdges(frame);
        var header = Height(Columns(Header, Typography.TableHeader, xs));
        return Rows.Count == 0 ? header : header + Height(Columns(Rows[0], Typography.TableBody, xs));
    }

    internal override void Layout(PageComposer composer)
    {
        var xs = ColumnEdges(composer.Frame);

        var header = Columns(Header, Typography.TableHeader, xs);
        var headerHeight = Height(header);
        var rows = Rows.Select(row => Columns(row, Typography.TableBody, xs)).ToList();

        // The header and the first row start together.
        composer.EnsureSpace(headerHeight + (rows.Count > 0 ? Math.Min(Height(rows[0]), composer.PageCapacity / 2) : 0));
        PlaceHeader();
        foreach (var row in rows)
        {
            var height = Height(row);
            if (height > composer.Remaining && height <= composer.PageCapacity - headerHeight)
            {
                composer.NewPage();
                PlaceHeader();
            }

            composer.PlaceColumns(row, Padding, minLinesOnPage: 1, onNewPage: PlaceHeader, foreground: Borders);
        }

        composer.Advance(8);

        void PlaceHeader() => composer.PlaceColumns(
            header,
            Padding,
            minLinesOnPage: int.MaxValue,
            background: (top, height) => composer.AddFill(xs[0], top, xs[^1] - xs[0], height, HeaderFill),
            foreground: Borders);

        void Borders(double top, double height)
        {
            composer.AddLine(xs[0], top, xs[^1], top);
            composer.AddLine(xs[0], top + height, xs[^1], top + height);
            foreach (var x in xs)
            {
                composer.AddLine(x, top, x, top + height);
            }
        }
    }

    private static LineColumn[] Columns(IReadOnlyList<string> cells, TextStyle style, double[] xs)
    {
        var columns = new LineColumn[xs.Length - 1];
        for (var i = 0; i < columns.Length; i++)
        {
            var width = xs[i + 1] - xs[i] - (2 * Padding);
            var text = i < cells.Count ? cells[i] : string.Empty;
            columns[i] = new LineColumn(xs[i] + Padding, width, TextWrapper.Wrap(text, style, width), style);
        }

        return columns;
    }

    private static double Height(LineColumn[] columns) =>
        (columns.Max(c => Math.Max(1, c.Lines.Count)) * columns[0].Style.LineHeight) + (2 * Padding);

    private double[] ColumnEdges(PageFrame frame)
    {
        if (Header.Count != ColumnWeights.Count)
        {
            throw new ArgumentException("A table needs one weight per column.");
        }

        var totalWeight = ColumnWeights.Sum();
        var xs = new double[ColumnWeights.Count + 1];
        xs[0] = frame.Left;
        for (var i = 0; i < ColumnWeights.Count; i++)
        {
            xs[i + 1] = xs[i] + (frame.BodyWidth * ColumnWeights[i] / totalWeight);
        }

        return xs;
    }
}
