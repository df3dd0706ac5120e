using System.Globalization;
using Mla.Documents.Layout;

namespace Mla.Documents.Reports;

/// <summary>One group of bars: a label under it (a State code) and one value per series.</summary>
public sealed record BarGroup(string Label, IReadOnlyList<decimal> Values);

/// <summary>
/// A grouped bar chart drawn with the layout layer's fills, lines and text, kept whole on one page: a legend,
/// a value axis from 0, and each group's bars with their values above them.
/// </summary>
public sealed record BarChart(IReadOnlyList<string> Series, IReadOnlyList<BarGroup> Groups) : LayoutBlock
{
    private const double PlotHeight = 170;
    private const double AxisWidth = 28;
    private const double LegendHeight = 16;
    private const double LabelHeight = 14;

    // Dark for the first series, light for the second, so the chart reads in black and white.
    private static readonly byte[] Greys = [70, 175, 120, 220];

    private static TextStyle Small { get; } = new(FontFace.Regular, 7, 9);

    private const double Height = LegendHeight + 10 + PlotHeight + LabelHeight + 8;

    internal override double LeadHeight(PageFrame frame) => Height;

    internal override void Layout(PageComposer composer)
    {
        composer.EnsureSpace(Height);
        var frame = composer.Frame;
        var top = composer.Y;

        var x = frame.Left;
        for (var s = 0; s < Series.Count; s++)
        {
            composer.AddFill(x, top + 3, 9, 9, Greys[s % Greys.Length]);
            composer.AddText(x + 12, top + 2, Series[s], Typography.TableBody);
            x += 24 + Typography.TableBody.Measure(Series[s]);
        }

        var plotTop = top + LegendHeight + 10;
        var plotBottom = plotTop + PlotHeight;
        var plotLeft = frame.Left + AxisWidth;
        var plotWidth = frame.Right - plotLeft;
        var max = NiceMaximum(Groups.SelectMany(g => g.Values).DefaultIfEmpty(0).Max());

        composer.AddLine(plotLeft, plotTop, plotLeft, plotBottom);
        composer.AddLine(plotLeft, plotBottom, frame.Right, plotBottom);
        foreach (var tick in new[] { 0m, max / 2, max })
        {
            var y = plotBottom - (double)(tick / max) * PlotHeight;
            var label = tick.ToString("0.#", CultureInfo.InvariantCulture);
            composer.AddText(plotLeft - 4 - Small.Measure(label), y - (Small.LineHeight / 2), label, Small);
            composer.AddLine(plotLeft - 2, y, plotLeft, y);
        }

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
                    var height = (double)(value / max) * PlotHeight;
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

        composer.Advance(Height);
    }

    /// <summary>
    /// The top of the value axis: the largest value rounded up to 2, 4, 6 or 10 times a power of ten, so that the
    /// middle tick is a whole number too (counts and days are whole).
    /// </summary>
    internal static decimal NiceMaximum(decimal largest)
    {
        var power = 1m;
        while (power * 10 < largest)
        {
            power *= 10;
        }

        foreach (var step in new[] { 2m, 4m, 6m, 10m })
        {
            if (step * power >= largest)
            {
                return step * power;
            }
        }

        return 10 * power;
    }
}
