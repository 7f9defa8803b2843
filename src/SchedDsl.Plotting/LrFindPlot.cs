using System.Globalization;
using SchedDsl.LrFinding;
using ScottPlot;

namespace SchedDsl.Plotting;

/// <summary>
/// fastai's <c>Recorder.plot_lr_find</c>: the smoothed loss against the learning rate on a log axis, each suggestion
/// (valley, slide, minimum, steep) a point on the curve with its value in the legend, the legend right of the data.
/// The image format follows the file's extension (<see cref="PlotFormat"/>).
/// </summary>
/// <remarks>Thread-safe for distinct paths.</remarks>
public static partial class LrFindPlot
{
    /// <summary>Matplotlib's second to fifth colours, fastai's for the suggestion points (the curve takes the first).</summary>
    private static readonly (LrSuggestionMethod Method, Color Color)[] Marks =
    [
        (LrSuggestionMethod.Valley, Color.FromHex("#ff7f0e")),
        (LrSuggestionMethod.Slide, Color.FromHex("#2ca02c")),
        (LrSuggestionMethod.Minimum, Color.FromHex("#d62728")),
        (LrSuggestionMethod.Steep, Color.FromHex("#9467bd")),
    ];

    /// <summary>
    /// Writes the LR finder's curve, without the last <paramref name="skipEnd"/> points (fastai's default 5). From an
    /// LR finder's result, <see cref="PlotLrFind(LrFindCurve, string, int, int, int)"/> is the one call.
    /// </summary>
    /// <param name="lrs">The learning rate of each point, all &gt; 0.</param>
    /// <param name="losses">The (smoothed) loss at each learning rate.</param>
    /// <param name="suggestions">The suggestions to mark on the curve (<see cref="LrSuggestions.All"/>), or null for the curve alone.</param>
    /// <param name="path">The image file to write (<c>.png</c>, <c>.svg</c>, <c>.jpg</c>, <c>.jpeg</c>); its folder is created.</param>
    /// <param name="skipEnd">Points left off the end, where a diverging loss would squash the curve; all are drawn if fewer remain.</param>
    /// <param name="width">Image width in pixels; &gt;= 50.</param>
    /// <param name="height">Image height in pixels; &gt;= 50.</param>
    /// <exception cref="ArgumentException">
    /// Different lengths of <paramref name="lrs"/> and <paramref name="losses"/>, no point left to plot, a size under 50
    /// pixels, or an extension that names no image format.
    /// </exception>
    public static void PlotLrFind(IReadOnlyList<double> lrs, IReadOnlyList<double> losses, LrSuggestionSet? suggestions, string path,
        int skipEnd = 5, int width = 800, int height = 500)
    {
        ArgumentNullException.ThrowIfNull(lrs);
        ArgumentNullException.ThrowIfNull(losses);
        ArgumentOutOfRangeException.ThrowIfNegative(skipEnd);
        if (lrs.Count != losses.Count)
        {
            throw new ArgumentException($"lrs and losses need one value each per point, got {lrs.Count} and {losses.Count}", nameof(losses));
        }
        PlotFile.Save(path, [Create(lrs, losses, suggestions, skipEnd)], width, height);
    }

    /// <summary>
    /// Writes an LR finder's curve with fastai's suggestions marked (<see cref="LrFindCurve.Suggest"/>), fastai's
    /// <c>plot_lr_find()</c>. With SchedDsl.Torch: <c>learn.LrFind().Curve.PlotLrFind("lr_find.png")</c>.
    /// </summary>
    /// <param name="curve">The recorded curve.</param>
    /// <param name="path">The image file to write (<c>.png</c>, <c>.svg</c>, <c>.jpg</c>, <c>.jpeg</c>); its folder is created.</param>
    /// <param name="skipEnd">Points left off the end (fastai's 5); all are drawn if fewer remain.</param>
    /// <param name="width">Image width in pixels; &gt;= 50.</param>
    /// <param name="height">Image height in pixels; &gt;= 50.</param>
    /// <exception cref="ArgumentException">No point to plot, a size under 50 pixels, or an extension that names no image format.</exception>
    /// <exception cref="SchedArgumentException">A learning rate not finite and &gt; 0, or every loss NaN.</exception>
    [System.Diagnostics.CodeAnalysis.SuppressMessage("ApiDesign", "RS0026", Justification = "The overloads differ in their first parameter's type, so no call is ambiguous.")]
    public static void PlotLrFind(this LrFindCurve curve, string path, int skipEnd = 5, int width = 800, int height = 500)
    {
        ArgumentNullException.ThrowIfNull(curve);
        PlotLrFind(curve.Lrs, curve.Losses, curve.Suggest(), path, skipEnd, width, height);
    }

    /// <summary>The plot <see cref="PlotLrFind(IReadOnlyList{double}, IReadOnlyList{double}, LrSuggestionSet?, string, int, int, int)"/> writes: x is log10 of the learning rate.</summary>
    internal static Plot Create(IReadOnlyList<double> lrs, IReadOnlyList<double> losses, LrSuggestionSet? suggestions, int skipEnd)
    {
        var count = lrs.Count > skipEnd ? lrs.Count - skipEnd : lrs.Count;
        if (count == 0)
        {
            throw new ArgumentException("the LR finder recorded no point", nameof(lrs));
        }
        var plot = new Plot();
        var xs = lrs.Take(count).Select(Math.Log10).ToArray();
        var curve = plot.Add.ScatterLine(xs, losses.Take(count).ToArray());
        curve.LineWidth = 2;
        curve.LegendText = "smoothed loss";
        if (suggestions is { } set)
        {
            foreach (var (method, color) in Marks)
            {
                if (set[method] is { } suggested && double.IsFinite(suggested.PointLoss))
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
