using SchedDsl.Plotting;
using SchedDsl.Prediction;
using ScottPlot;

namespace SchedDsl.Cli.Commands;

/// <summary>
/// <c>schedsl predict</c>'s picture: the fitted curves as measured and as the law fits them, the predicted curve, and
/// below them the learning rates, all on one step axis; the legends right of the data.
/// </summary>
internal static class PredictPlot
{
    // A per-batch curve is noisy; past this many points it is drawn as the means of this many windows.
    private const int Points = 200;

    public static void Save(string path, IReadOnlyList<(string Name, LossCurve Curve)> fitted, AnnealingLossLaw law, string schedule, double[] rates, double[] predicted)
    {
        var losses = new Plot();
        var lrs = new Plot();
        for (var i = 0; i < fitted.Count; i++)
        {
            var (name, curve) = fitted[i];
            var color = Palette.GetColor(i + 1);
            var (steps, measured) = Thin([.. curve.Steps.Select(s => (double)s)], [.. curve.Losses]);
            var points = losses.Add.ScatterLine(steps, measured, color);
            points.LegendText = $"{name} (measured)";
            points.LineWidth = 1.5f;
            var lawLine = law.Predict(curve.LearningRates);
            var (ls, lv) = Thin([.. Enumerable.Range(1, lawLine.Length).Select(s => (double)s)], lawLine);
            var fit = losses.Add.ScatterLine(ls, lv, color);
            fit.LinePattern = LinePattern.Dashed;
            fit.LineWidth = 1.5f;
            fit.LegendText = $"{name} (law, fitted)";
            var rate = lrs.Add.ScatterLine(Enumerable.Range(1, curve.TotalSteps).Select(s => (double)s).ToArray(), curve.LearningRates.ToArray(), color);
            rate.LegendText = name;
        }
        var xs = Enumerable.Range(1, predicted.Length).Select(s => (double)s).ToArray();
        var finite = xs.Zip(predicted).Where(p => double.IsFinite(p.Second)).ToArray();
        var line = losses.Add.ScatterLine(finite.Select(p => p.First).ToArray(), finite.Select(p => p.Second).ToArray(), Palette.GetColor(0));
        line.LineWidth = 3;
        line.LegendText = $"{schedule} (predicted)";
        var predictedRate = lrs.Add.ScatterLine(xs, rates, Palette.GetColor(0));
        predictedRate.LineWidth = 3;
        predictedRate.LegendText = schedule;
        var measuredLosses = fitted.SelectMany(f => f.Curve.Losses).Concat(finite.Select(p => p.Second)).Order().ToArray();
        if (measuredLosses.Length > 0)
        {
            // The law's first steps can be far above everything else (S1 near 0): the y range follows the bulk of the data.
            var low = measuredLosses[(int)(measuredLosses.Length * 0.01)];
            var high = measuredLosses[(int)(measuredLosses.Length * 0.99)];
            var pad = (high - low) * 0.1;
            losses.Axes.SetLimitsY(low - pad, high + pad);
        }
        losses.Title($"loss predicted by {law}");
        losses.XLabel("step");
        losses.YLabel("loss");
        lrs.Title("learning rate per step");
        lrs.XLabel("step");
        lrs.YLabel("lr");
        losses.ShowLegend(Edge.Right);
        lrs.ShowLegend(Edge.Right);
        PlotPanels.Save([losses, lrs], path, 1100, 400);
    }

    private static readonly ScottPlot.Palettes.Category10 Palette = new();

    /// <summary>The points as they are, or the means of <see cref="Points"/> windows of them.</summary>
    private static (double[] Xs, double[] Ys) Thin(double[] xs, double[] ys)
    {
        if (xs.Length <= Points)
        {
            return (xs, ys);
        }
        var mx = new double[Points];
        var my = new double[Points];
        for (var w = 0; w < Points; w++)
        {
            var from = xs.Length * w / Points;
            var to = xs.Length * (w + 1) / Points;
            mx[w] = xs[from..to].Average();
            my[w] = ys[from..to].Average();
        }
        return (mx, my);
    }
}
