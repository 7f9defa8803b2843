using SchedDsl.Plotting;
using ScottPlot;

namespace SchedDsl.Experiments;

/// <summary>
/// Picture 1: the first seed's LR-finder curve with each suggestion's point on it, and beside each point the test
/// accuracy that suggestion reached (mean ± std over the seeds, each seed at its own finder's suggestion).
/// </summary>
internal static class LrSuggestionsPlot
{
    private const int SkipEnd = 5;

    /// <summary>The least vertical distance between two labels, as a share of the curve's loss range.</summary>
    private const double LabelGap = 0.07;

    public static void Save(string path, SeedFinder finder, Experiment1LrSuggestions.Outcome outcome)
    {
        var result = finder.Result;
        var count = Math.Max(1, result.Lrs.Count - SkipEnd);
        var xs = result.Lrs.Take(count).Select(Math.Log10).ToArray();
        var ys = result.Losses.Take(count).ToArray();
        var plot = new Plot();
        var curve = plot.Add.ScatterLine(xs, ys, Colors.Gray);
        curve.LineWidth = 2;
        var low = ys.Min();
        var high = Math.Max(ys[0], ys.Take(count / 2).Max());
        var span = high - low;
        var arms = Experiment1LrSuggestions.Suggestions;
        var points = new List<(int Arm, double X, double Y)>();
        for (var arm = 0; arm < arms.Count; arm++)
        {
            if (arms[arm].Pick(finder.Suggestions) is { } lr && double.IsFinite(lr))
            {
                points.Add((arm, lr, Nearest(xs, ys, Math.Log10(lr))));
            }
        }
        // Labels go left of their points, under the falling curve where the plot is empty; points close in loss
        // push their labels apart so no label covers another.
        var labelY = double.PositiveInfinity;
        foreach (var (arm, lr, y) in points.OrderByDescending(p => p.Y))
        {
            labelY = Math.Min(y, labelY - (LabelGap * span));
            plot.Add.Marker(Math.Log10(lr), y, MarkerShape.FilledCircle, 12, Picture.Color(arm));
            var accuracy = Formats.Percent(Summary.Of(outcome.Results[arm].Select(r => r.Accuracy)));
            var label = plot.Add.Text($"{arms[arm].Name} {Formats.Lr(lr)}: {accuracy}", Math.Log10(lr), labelY);
            label.LabelFontColor = Picture.Color(arm);
            label.LabelFontSize = 14;
            label.LabelAlignment = Alignment.MiddleRight;
            label.OffsetX = -12;
            low = Math.Min(low, labelY);
        }
        PlotPanels.UseLogTicks(plot.Axes.Bottom, xs.Min(), xs.Max());
        plot.Axes.SetLimitsY(low - (0.08 * span), high + (0.1 * span));
        plot.XLabel("learning rate (log scale)");
        plot.YLabel("smoothed training loss");
        plot.Title($"LR finder (seed {finder.Seed}) and the test accuracy FitOneCycle reached at each suggestion (mean ± std over {outcome.Results[0].Length} seeds)");
        PlotPanels.Save([plot], path, 1100, 600);
    }

    private static double Nearest(double[] xs, double[] ys, double x)
    {
        var best = 0;
        for (var i = 1; i < xs.Length; i++)
        {
            if (Math.Abs(xs[i] - x) < Math.Abs(xs[best] - x))
            {
                best = i;
            }
        }
        return ys[best];
    }
}
