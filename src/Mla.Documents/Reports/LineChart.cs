using Mla.Documents.Layout;

namespace Mla.Documents.Reports;

/// <summary>One point on the horizontal axis (a month) and one value per series; null where a series has none.</summary>
public sealed record LinePoint(string Label, IReadOnlyList<decimal?> Values);

/// <summary>
/// A line chart drawn with the layout layer's lines and text, kept whole on one page: one line per series (a thin
/// and a thick one, so it reads in black and white), broken where a point has no value, with a marker on each value.
/// </summary>
public sealed record LineChart(IReadOnlyList<string> Series, IReadOnlyList<LinePoint> Points, string AxisUnit) : ReportChart(Series)
{
    private static readonly double[] Thickness = [0.8, 2.2];

    private protected override double PlotHeight => 150;

    private protected override double KeyWidth => 22;

    private protected override decimal Largest => Points.SelectMany(p => p.Values).Select(v => v ?? 0).DefaultIfEmpty(0).Max();

    private protected override void DrawKey(PageComposer composer, double x, double top, int series) =>
        composer.AddLine(x, top + 8, x + 18, top + 8, Thickness[series % Thickness.Length]);

    private protected override void DrawBesideLegend(PageComposer composer, double top) =>
        composer.AddText(composer.Frame.Right - Small.Measure(AxisUnit), top + 2, AxisUnit, Small);

    private protected override void DrawValues(PageComposer composer, ChartPlot plot)
    {
        var (plotLeft, plotWidth, plotBottom) = (plot.Left, plot.Width, plot.Bottom);

        if (Points.Count > 0)
        {
            var step = plotWidth / Points.Count;

            // Every label when they fit, otherwise one in so many, so they never overlap.
            var widest = Points.Max(p => Small.Measure(p.Label)) + 4;
            var labelEvery = Math.Max(1, (int)Math.Ceiling(widest / step));
            for (var i = 0; i < Points.Count; i++)
            {
                var px = PointX(i);
                composer.AddLine(px, plotBottom, px, plotBottom + 2);
                if (i % labelEvery == 0)
                {
                    composer.AddText(px - (Small.Measure(Points[i].Label) / 2), plotBottom + 3, Points[i].Label, Small);
                }
            }

            for (var s = 0; s < Series.Count; s++)
            {
                (double X, double Y)? previous = null;
                for (var i = 0; i < Points.Count; i++)
                {
                    if (s >= Points[i].Values.Count || Points[i].Values[s] is not { } value)
                    {
                        previous = null;
                        continue;
                    }

                    var point = (X: PointX(i), Y: plot.Y(value));
                    composer.AddFill(point.X - 2, point.Y - 2, 4, 4, 0);
                    if (previous is { } from)
                    {
                        composer.AddLine(from.X, from.Y, point.X, point.Y, Thickness[s % Thickness.Length]);
                    }

                    previous = point;
                }
            }

            double PointX(int i) => plotLeft + (step * (i + 0.5));
        }
    }
}
