using System.Globalization;
using ScottPlot;
using ScottPlot.TickGenerators;

namespace SchedDsl.Torch;

/// <summary>fastai's <c>Recorder.plot_lr_find</c>: smoothed loss against learning rate on a log axis, suggestions marked.</summary>
/// <remarks>Thread-safe for distinct paths.</remarks>
public static class LrFindPlot
{
    /// <summary>Writes the LR finder's curve to a PNG, without the last <paramref name="skipEnd"/> points (fastai's default 5).</summary>
    /// <exception cref="ArgumentException">No point is left to plot.</exception>
    public static void PlotLrFind(this LrFindResult result, string path, int skipEnd = 5, int width = 800, int height = 500)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentOutOfRangeException.ThrowIfNegative(skipEnd);
        var count = Math.Max(0, result.Lrs.Count - skipEnd);
        if (count == 0)
        {
            count = result.Lrs.Count;
        }
        if (count == 0)
        {
            throw new ArgumentException("the LR finder recorded no point", nameof(result));
        }
        var xs = result.Lrs.Take(count).Select(Math.Log10).ToArray();
        var ys = result.Losses.Take(count).ToArray();
        var plot = new Plot();
        plot.Add.ScatterLine(xs, ys).LegendText = "smoothed loss";
        if (result.Suggestions is { } s)
        {
            Mark(plot, s.LrMin, "lr_min (minimum/10)", Colors.Red);
            Mark(plot, s.LrSteep, "lr_steep", Colors.Green);
            Mark(plot, s.Valley, "valley", Colors.Orange);
        }
        var ticks = new NumericAutomatic
        {
            MinorTickGenerator = new LogMinorTickGenerator(),
            IntegerTicksOnly = true,
            LabelFormatter = x => Math.Pow(10, x).ToString("0.#e0", CultureInfo.InvariantCulture),
        };
        plot.Axes.Bottom.TickGenerator = ticks;
        plot.XLabel("learning rate (log scale)");
        plot.YLabel("loss");
        plot.Title("LR finder");
        plot.ShowLegend();
        PanelImage.SavePng(path, [plot], width, height);
    }

    private static void Mark(Plot plot, double lr, string label, Color color)
    {
        if (lr > 0 && double.IsFinite(lr))
        {
            var line = plot.Add.VerticalLine(Math.Log10(lr), 2, color, LinePattern.Dashed);
            line.LegendText = $"{label} = {lr.ToString("0.##e0", CultureInfo.InvariantCulture)}";
        }
    }
}
