using System.Globalization;
using Mla.Documents.Layout;

namespace Mla.Documents.Reports;

/// <summary>One group of bars: a label under it (a State code) and one value per series.</summary>
public sealed record BarGroup(string Label, IReadOnlyList<decimal> Values);

/// <summary>
/// A grouped bar chart drawn with the layout layer's fills, lines and text, kept whole on one page: a legend,
/// a value axis from 0, and each group's bars with their values above them.
/// </summary>
public sealed record BarChart(IReadOnlyList<string> Series, IReadOnlyList<BarGroup> Groups) : ReportChart(Series)
{
    // Dark for the first series, light for the second, so the chart reads in black and white.
    private static readonly byte[] Greys = [70, 175, 120, 220];

    private protected override double PlotHeight => 170;

    private protected override double KeyWidth => 12;

    private protected override decimal Largest => Groups.SelectMany(g => g.Values).DefaultIfEmpty(0).Max();

    private protected override void DrawKey(PageComposer composer, double x, double top, int series) =>
        composer.AddFill(x, top + 3, 9, 9, Greys[series % Greys.Length]);

    private protected override void DrawValues(PageComposer composer, ChartPlot plot)
    {
        var (plotLeft, plotWidth, plotBottom) = (plot.Left, plot.Width, plot.Bottom);

        if (Groups.Count > 0)
        {
            var groupWidth = plotWidth / Groups.Count;
            var barWidth = Math.Min(18, groupWidth * 0.8 / Math.Max(1, Series.Count));
            for (var g = 0; g < Groups.Count; g++)
            {
                var group = Groups[g];
                var barsLeft = plotLeft + (g * groupWidth) + ((groupWidth - (barWidth * Series.Count)) / 2);
                for (var s = 0; s < group.Values.Count && s < Series.Count; s++)
                {
                    var value = group.Values[s];
                    var height = plot.HeightOf(value);
                    var barLeft = barsLeft + (s * barWidth);
                    if (height > 0)
                    {
                        composer.AddFill(barLeft, plotBottom - height, barWidth - 1, height, Greys[s % Greys.Length]);
                    }

                    var text = value.ToString("0.#", CultureInfo.InvariantCulture);
                    composer.AddText(barLeft + ((barWidth - 1 - Small.Measure(text)) / 2), plotBottom - height - Small.LineHeight, text, Small);
                }

                var labelX = plotLeft + (g * groupWidth) + ((groupWidth - Typography.TableBody.Measure(group.Label)) / 2);
                composer.AddText(labelX, plotBottom + 3, group.Label, Typography.TableBody);
            }
        }
    }
}
