using Mla.Documents.Layout;

namespace Mla.Documents.Reports;

/// <summary>
/// A chart of the report, kept whole on one page: a legend (each series' key and name), then a plot whose value
/// axis runs from 0 to a round maximum (<see cref="ChartPlot"/>), on which each kind of chart draws its values.
/// </summary>
public abstract record ReportChart(IReadOnlyList<string> Series) : LayoutBlock
{
    private protected static TextStyle Small => ChartPlot.Small;

    private protected abstract double PlotHeight { get; }

    /// <summary>How much of the legend a series' key takes before its name, the gap included.</summary>
    private protected abstract double KeyWidth { get; }

    /// <summary>The largest value drawn, which sets the top of the value axis.</summary>
    private protected abstract decimal Largest { get; }

    internal override double LeadHeight(PageFrame frame) => ChartPlot.ChartHeight(PlotHeight);

    internal override void Layout(PageComposer composer)
    {
        var height = ChartPlot.ChartHeight(PlotHeight);
        composer.EnsureSpace(height);
        var top = composer.Y;

        var x = composer.Frame.Left;
        for (var s = 0; s < Series.Count; s++)
        {
            DrawKey(composer, x, top, s);
            composer.AddText(x + KeyWidth, top + 2, Series[s], Typography.TableBody);
            x += KeyWidth + 12 + Typography.TableBody.Measure(Series[s]);
        }

        DrawBesideLegend(composer, top);
        DrawValues(composer, ChartPlot.Draw(composer, top, PlotHeight, Largest));
        composer.Advance(height);
    }

    /// <summary>Draws the key of series number <paramref name="series"/> in the legend, at <paramref name="x"/>.</summary>
    private protected abstract void DrawKey(PageComposer composer, double x, double top, int series);

    /// <summary>Draws what stands on the legend's line besides the series (the line chart's unit).</summary>
    private protected virtual void DrawBesideLegend(PageComposer composer, double top)
    {
    }

    private protected abstract void DrawValues(PageComposer composer, ChartPlot plot);
}
