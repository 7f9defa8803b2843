using SchedDsl.Plotting;
using ScottPlot;

namespace SchedDsl.Experiments;

/// <summary>
/// The prediction study's picture, for the first seed: each run's measured training loss (means over windows of
/// steps, solid) and the law's curve (dashed) — fitted for constant and cosine, predicted for the others — and below
/// them the learning rates.
/// </summary>
internal static class PredictionPlot
{
    public static void Save(string path, PredictionStudy.Run[][] runs, PredictionStudy.SeedOutcome outcome, int seedIndex, int firstStep)
    {
        var losses = new Plot();
        var rates = new Plot();
        var arms = PredictionStudy.Arms;
        for (var a = 0; a < arms.Count; a++)
        {
            var run = runs[a][seedIndex];
            if (run.Losses is null)
            {
                continue;
            }
            var color = Picture.Color(a);
            var (steps, measured) = CurveError.Smoothed(run.Losses, firstStep);
            var line = losses.Add.ScatterLine(steps, measured, color);
            line.LineWidth = 2;
            line.LegendText = $"{arms[a].Name}: measured";
            if (outcome.Predictions[a] is { } predicted)
            {
                var (_, law) = CurveError.Smoothed(predicted, firstStep);
                var curve = losses.Add.ScatterLine(steps, law, color);
                curve.LineWidth = 2;
                curve.LinePattern = LinePattern.Dashed;
                curve.LegendText = $"{arms[a].Name}: law ({(arms[a].Fitted ? "fitted" : "predicted")})";
            }
            var xs = Enumerable.Range(1, run.Lrs.Length).Select(i => (double)i).ToArray();
            var lr = rates.Add.ScatterLine(xs, run.Lrs, color);
            lr.LineWidth = 2;
            lr.LegendText = arms[a].Name;
        }
        var total = runs[0][seedIndex].Lrs.Length;
        losses.Title($"training loss, seed {outcome.Seed}: measured (mean per window) vs the law (fitted on constant + cosine)");
        losses.XLabel("step");
        losses.YLabel("training loss");
        losses.Axes.SetLimitsX(0, total);
        rates.Title("the learning rates");
        rates.XLabel("step");
        rates.YLabel("lr");
        rates.Axes.SetLimitsX(0, total);
        losses.ShowLegend(Edge.Right);
        rates.ShowLegend(Edge.Right);
        PlotPanels.Save([losses, rates], path, 1300, 420);
    }
}
