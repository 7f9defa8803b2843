using System.Globalization;
using SchedDsl.LrFinding;
using ScottPlot;

namespace SchedDsl.Plotting;

public static partial class LrFindPlot
{
    private static readonly Color BandColor = Color.FromHex("#1f77b4");

    /// <summary>
    /// Writes several LR-finder runs as one picture (SchedDsl.Torch: <c>learn.LrFind(runs: 5).Runs.PlotLrFindSpread(path)</c>):
    /// the band from the lowest to the highest smoothed loss of the runs at each learning rate, their median curve, and
    /// each suggestion's median (a point on the median curve) with its range over the runs (a horizontal bar), the
    /// values in the legend right of the data.
    /// </summary>
    /// <remarks>
    /// Each run is drawn without its last <paramref name="skipEnd"/> points, as <see cref="PlotLrFind(LrFindCurve, string, int, int, int)"/>
    /// draws one; curves of different learning rates are read at the longest curve's rates on a log axis. The
    /// suggestions are those of <see cref="LrFindSpread.Of"/> (each run trimmed as <c>lr_find</c> trims it); for
    /// <c>minimum</c>, as in fastai's picture, the point is at the lowest loss, ten times the suggestion.
    /// </remarks>
    /// <param name="runs">The runs' curves, at least one.</param>
    /// <param name="path">The image file to write (<c>.png</c>, <c>.svg</c>, <c>.jpg</c>, <c>.jpeg</c>); its folder is created.</param>
    /// <param name="skipEnd">Points left off the end of each run (fastai's 5); all are drawn if fewer remain.</param>
    /// <param name="width">Image width in pixels; &gt;= 50.</param>
    /// <param name="height">Image height in pixels; &gt;= 50.</param>
    /// <exception cref="ArgumentException">No run, no finite point to plot, a size under 50 pixels, or an extension that names no image format.</exception>
    /// <exception cref="SchedArgumentException">A learning rate not finite and &gt; 0, or every loss of a run NaN.</exception>
    public static void PlotLrFindSpread(this IReadOnlyList<LrFindCurve> runs, string path, int skipEnd = 5, int width = 800, int height = 500)
    {
        ArgumentNullException.ThrowIfNull(runs);
        ArgumentOutOfRangeException.ThrowIfNegative(skipEnd);
        PlotFile.Save(path, [CreateSpread(runs, skipEnd)], width, height);
    }

    /// <summary>The plot <see cref="PlotLrFindSpread"/> writes: x is log10 of the learning rate.</summary>
    internal static Plot CreateSpread(IReadOnlyList<LrFindCurve> runs, int skipEnd)
    {
        var spread = LrFindSpread.Of(runs);
        var band = LrFindBand.Of(runs, skipEnd);
        if (band.Lrs.Length == 0)
        {
            throw new ArgumentException("the LR finder runs hold no finite loss to plot", nameof(runs));
        }
        var plot = new Plot();
        var xs = band.Lrs.Select(Math.Log10).ToArray();
        var fill = plot.Add.FillY(xs, band.Low, band.High);
        fill.FillColor = BandColor.WithAlpha(0.25);
        fill.LineColor = Colors.Transparent;
        fill.LegendText = $"range of {runs.Count} run{(runs.Count == 1 ? "" : "s")}";
        var median = plot.Add.ScatterLine(xs, band.Median);
        median.Color = BandColor;
        median.LineWidth = 2;
        median.LegendText = "median loss";
        foreach (var (method, color) in Marks)
        {
            if (spread[method] is { } s)
            {
                AddInterval(plot, method, s, band, color);
            }
        }
        LogAxis.Apply(plot.Axes.Bottom, xs.Min(), xs.Max());
        plot.XLabel("learning rate (log scale)");
        plot.YLabel("smoothed loss");
        plot.Title(string.Create(CultureInfo.InvariantCulture, $"LR finder: {runs.Count} run{(runs.Count == 1 ? "" : "s")}, median and range"));
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    /// <summary>The suggestion's median on the median curve, and a bar across its range at the same height.</summary>
    private static void AddInterval(Plot plot, LrSuggestionMethod method, LrSuggestionSpread s, LrFindBand band, Color color)
    {
        // fastai marks minimum at the lowest loss, ten times the lr it suggests.
        var scale = method == LrSuggestionMethod.Minimum ? 10 : 1;
        var y = CurveMath.InterpLog10(s.Median * scale, band.Lrs, band.Median);
        if (!double.IsFinite(y))
        {
            return;
        }
        var bar = plot.Add.ScatterLine(new[] { Math.Log10(s.Low * scale), Math.Log10(s.High * scale) }, new[] { y, y });
        bar.Color = color;
        bar.LineWidth = 3;
        bar.MarkerShape = MarkerShape.VerticalBar;
        bar.MarkerSize = 12;
        bar.LegendText = string.Create(CultureInfo.InvariantCulture,
            $"{Name(method)} = {Short(s.Median)} ({Short(s.Low)}…{Short(s.High)})");
        var point = plot.Add.Marker(Math.Log10(s.Median * scale), y, MarkerShape.FilledCircle, 11, color);
        point.LegendText = "";
    }

    /// <summary>Two significant digits: the runs differ in the first or second, and the legend must leave room for the data.</summary>
    private static string Short(double lr) => lr.ToString("0.#e0", CultureInfo.InvariantCulture);
}
