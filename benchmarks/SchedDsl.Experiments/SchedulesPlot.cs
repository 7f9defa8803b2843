using SchedDsl.Plotting;
using ScottPlot;

namespace SchedDsl.Experiments;

/// <summary>
/// Picture 2: test accuracy after each epoch per schedule (mean over seeds, band ± std), and below it the
/// schedules themselves on the same epoch axis, as a fraction of the peak lr.
/// </summary>
internal static class SchedulesPlot
{
    private const int SchedulePoints = 400;

    public static void Save(string path, IReadOnlyList<IReadOnlyList<RunResult>> results, double lr)
    {
        var epochs = results[0][0].EpochAccuracy.Count;
        var curves = new Plot();
        var shapes = new Plot();
        var arms = Experiment2Schedules.Arms;
        for (var a = 0; a < arms.Count; a++)
        {
            var color = Picture.Color(a);
            var xs = Enumerable.Range(1, epochs).Select(e => (double)e).ToArray();
            var summaries = Enumerable.Range(0, epochs).Select(e => Summary.Of(results[a].Select(r => r.EpochAccuracy[e] * 100))).ToArray();
            var mean = summaries.Select(s => s.Mean).ToArray();
            var std = summaries.Select(s => double.IsFinite(s.Std) ? s.Std : 0).ToArray();
            if (epochs > 1)
            {
                var band = curves.Add.FillY(xs, mean.Zip(std, (m, s) => m - s).ToArray(), mean.Zip(std, (m, s) => m + s).ToArray());
                band.FillColor = color.WithAlpha(0.15);
                band.LineWidth = 0;
            }
            else
            {
                var bar = curves.Add.ErrorBar(xs, mean, std);
                bar.Color = color;
            }
            var line = curves.Add.ScatterLine(xs, mean, color);
            line.LineWidth = 2;
            line.LegendText = arms[a].Name;
            line.MarkerSize = 7;
            var shape = arms[a].Shape(1);
            var ps = Enumerable.Range(0, SchedulePoints + 1).Select(i => (double)i / SchedulePoints).ToArray();
            var schedule = shapes.Add.ScatterLine(ps.Select(p => p * epochs).ToArray(), ps.Select(p => shape.At(p)).ToArray(), color);
            schedule.LineWidth = 2;
            schedule.LegendText = arms[a].Name;
        }
        curves.Title($"test accuracy after each epoch (mean, band ± std over {results[0].Count} seeds)");
        curves.XLabel("epoch");
        curves.YLabel("test accuracy (%)");
        curves.Axes.SetLimitsX(epochs > 1 ? 0.9 : 0.5, epochs + (epochs > 1 ? 0.1 : 0.5));
        shapes.Title($"the schedules: lr / peak lr (peak = the seed's valley, {Formats.Lr(lr)} for seed 0)");
        shapes.XLabel("epoch");
        shapes.YLabel("lr / peak lr");
        shapes.Axes.SetLimitsX(0, epochs);
        // The same legend right of both panels, outside the data; PlotPanels lines the epoch axes up.
        // Whole epochs on both x axes: the accuracy is measured at epoch ends, the schedules change within epochs.
        curves.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(1);
        shapes.Axes.Bottom.TickGenerator = new ScottPlot.TickGenerators.NumericFixedInterval(epochs > 1 ? 1 : 0.1);
        curves.ShowLegend(Edge.Right);
        shapes.ShowLegend(Edge.Right);
        PlotPanels.Save([curves, shapes], path, 1200, 420);
    }
}
