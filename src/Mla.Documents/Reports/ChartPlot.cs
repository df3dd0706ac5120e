using System.Globalization;
using Mla.Documents.Layout;

namespace Mla.Documents.Reports;

/// <summary>
/// Where a chart of the report draws its values: below its legend, right of a value axis that runs from 0 to a
/// round maximum with three ticks, above a baseline. The bar chart and the line chart share it, so their axes
/// are laid out, scaled and labelled alike.
/// </summary>
internal readonly record struct ChartPlot(double Left, double Right, double Top, double Height, decimal Maximum)
{
    private const double AxisWidth = 28;
    private const double LegendHeight = 16;
    private const double LabelHeight = 14;

    /// <summary>The size of tick values and of the line chart's labels.</summary>
    public static TextStyle Small { get; } = new(FontFace.Regular, 7, 9);

    public double Bottom => Top + Height;

    public double Width => Right - Left;

    /// <summary>The height of a whole chart whose plot is <paramref name="plotHeight"/> high: legend, plot, labels under it.</summary>
    public static double ChartHeight(double plotHeight) => LegendHeight + 10 + plotHeight + LabelHeight + 8;

    /// <summary>Draws the value axis, its ticks and the baseline of a chart whose legend stands at <paramref name="top"/>.</summary>
    public static ChartPlot Draw(PageComposer composer, double top, double plotHeight, decimal largest)
    {
        var frame = composer.Frame;
        var plot = new ChartPlot(frame.Left + AxisWidth, frame.Right, top + LegendHeight + 10, plotHeight, NiceMaximum(largest));
        composer.AddLine(plot.Left, plot.Top, plot.Left, plot.Bottom);
        composer.AddLine(plot.Left, plot.Bottom, plot.Right, plot.Bottom);
        foreach (var tick in new[] { 0m, plot.Maximum / 2, plot.Maximum })
        {
            var y = plot.Y(tick);
            var label = tick.ToString("0.#", CultureInfo.InvariantCulture);
            composer.AddText(plot.Left - 4 - Small.Measure(label), y - (Small.LineHeight / 2), label, Small);
            composer.AddLine(plot.Left - 2, y, plot.Left, y);
        }

        return plot;
    }

    /// <summary>How far above the baseline <paramref name="value"/> stands.</summary>
    public double HeightOf(decimal value) => (double)(value / Maximum) * Height;

    public double Y(decimal value) => Bottom - HeightOf(value);

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
