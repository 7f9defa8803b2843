using System.Globalization;
using SchedDsl.LrFinding;
using ScottPlot;

namespace SchedDsl.Torch;

/// <summary>
/// fastai's <c>Recorder.plot_lr_find</c>: the smoothed loss against the learning rate on a log axis, each suggestion
/// (valley, slide, minimum, steep) a point on the curve with its value in the legend, the legend right of the data.
/// The image format follows the file's extension (<see cref="PlotFormat"/>).
/// </summary>
/// <remarks>Thread-safe for distinct paths.</remarks>
public static class LrFindPlot
{
    /// <summary>Matplotlib's second to fifth colours, fastai's for the suggestion points (the curve takes the first).</summary>
    private static readonly (LrSuggestionMethod Method, Color Color)[] Marks =
    [
        (LrSuggestionMethod.Valley, Color.FromHex("#ff7f0e")),
        (LrSuggestionMethod.Slide, Color.FromHex("#2ca02c")),
        (LrSuggestionMethod.Minimum, Color.FromHex("#d62728")),
        (LrSuggestionMethod.Steep, Color.FromHex("#9467bd")),
    ];

    /// <summary>Writes the LR finder's curve, without the last <paramref name="skipEnd"/> points (fastai's default 5).</summary>
    /// <param name="result">What <see cref="Learner.LrFind"/> returned.</param>
    /// <param name="path">The image file to write (<c>.png</c>, <c>.svg</c>, <c>.jpg</c>, <c>.jpeg</c>); its folder is created.</param>
    /// <param name="skipEnd">Points left off the end, where a diverging loss would squash the curve; all are drawn if fewer remain.</param>
    /// <param name="width">Image width in pixels; &gt;= 50.</param>
    /// <param name="height">Image height in pixels; &gt;= 50.</param>
    /// <exception cref="ArgumentException">No point is left to plot, a size under 50 pixels, or an extension that names no image format.</exception>
    public static void PlotLrFind(this LrFindResult result, string path, int skipEnd = 5, int width = 800, int height = 500)
    {
        ArgumentNullException.ThrowIfNull(result);
        ArgumentOutOfRangeException.ThrowIfNegative(skipEnd);
        PlotFile.Save(path, [Create(result, skipEnd)], width, height);
    }

    /// <summary>The plot <see cref="PlotLrFind"/> writes: x is log10 of the learning rate.</summary>
    internal static Plot Create(LrFindResult result, int skipEnd)
    {
        var count = result.Lrs.Count > skipEnd ? result.Lrs.Count - skipEnd : result.Lrs.Count;
        if (count == 0)
        {
            throw new ArgumentException("the LR finder recorded no point", nameof(result));
        }
        var plot = new Plot();
        var xs = result.Lrs.Take(count).Select(Math.Log10).ToArray();
        var curve = plot.Add.ScatterLine(xs, result.Losses.Take(count).ToArray());
        curve.LineWidth = 2;
        curve.LegendText = "smoothed loss";
        if (result.Suggestions is { } suggestions)
        {
            foreach (var (method, color) in Marks)
            {
                if (suggestions.Details[method] is { } suggested && double.IsFinite(suggested.PointLoss))
                {
                    var point = plot.Add.Marker(Math.Log10(suggested.PointLr), suggested.PointLoss, MarkerShape.FilledCircle, 11, color);
                    point.LegendText = $"{Name(method)} = {suggested.Lr.ToString("0.##e0", CultureInfo.InvariantCulture)}";
                }
            }
        }
        LogAxis.Apply(plot.Axes.Bottom, xs.Min(), xs.Max());
        plot.XLabel("learning rate (log scale)");
        plot.YLabel("loss");
        plot.Title("LR finder");
        plot.ShowLegend(Edge.Right);
        return plot;
    }

    /// <summary>fastai's name; <c>minimum</c> suggests a tenth of the lr at its point, and says so as fastai prints it.</summary>
    private static string Name(LrSuggestionMethod method) => method switch
    {
        LrSuggestionMethod.Minimum => "minimum/10",
        _ => method.ToString().ToLowerInvariant(),
    };
}
