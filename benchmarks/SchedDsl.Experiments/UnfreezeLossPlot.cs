using SchedDsl.Plotting;
using ScottPlot;

namespace SchedDsl.Experiments;

/// <summary>
/// Picture 3: training loss per batch across the unfreeze, per fine-tuning arm: the raw loss averaged over the
/// seeds, then a centred rolling mean (the recorder's smoothed loss restarts at each fit, which would draw a step
/// at the unfreeze that is the smoother's, not the model's).
/// </summary>
internal static class UnfreezeLossPlot
{
    private const int RollingWindow = 9;

    public static void Save(string path, IReadOnlyList<IReadOnlyList<FineTuneRun>> results)
    {
        var plot = new Plot();
        var unfreeze = results[0][0].UnfreezeIndex;
        // The frozen epoch and as many unfrozen batches: the unfreeze in the middle.
        var length = Math.Min(2 * unfreeze, results.Min(runs => runs.Min(r => r.RawLosses.Count)));
        var top = double.NegativeInfinity;
        for (var a = 0; a < FineTuneArm.All.Count; a++)
        {
            var mean = Enumerable.Range(0, length).Select(i => results[a].Average(r => r.RawLosses[i])).ToArray();
            var xs = Enumerable.Range(0, length).Select(i => (double)(i - unfreeze)).ToArray();
            var smooth = Rolling(mean);
            top = Math.Max(top, smooth.Max());
            var line = plot.Add.ScatterLine(xs, smooth, Picture.Color(a));
            line.LineWidth = 2;
            line.LegendText = FineTuneArm.All[a].Name;
        }
        plot.Add.VerticalLine(-0.5, 1, Colors.Black, LinePattern.Dashed);
        var note = plot.Add.Text("unfreeze", 0, top);
        note.LabelAlignment = Alignment.UpperLeft;
        note.LabelFontSize = 14;
        plot.Title($"training loss per batch around the unfreeze (classes 5-9; mean of {results[0].Count} seeds, rolling mean of {RollingWindow})");
        plot.XLabel("batch, relative to the first unfrozen batch");
        plot.YLabel("training loss");
        plot.ShowLegend(Edge.Right);
        PlotPanels.Save([plot], path, 1100, 500);
    }

    private static double[] Rolling(double[] values)
    {
        var half = RollingWindow / 2;
        return values.Select((_, i) =>
        {
            var from = Math.Max(0, i - half);
            var to = Math.Min(values.Length, i + half + 1);
            return values[from..to].Average();
        }).ToArray();
    }
}
