using SchedDsl.Plotting;
using ScottPlot;

namespace SchedDsl.Experiments;

/// <summary>
/// Experiment 7's picture: the lr every batch trained with, against the samples seen before it, for every batch size
/// and clock (seed 0; the lr does not depend on the seed); below, each batch's lr minus the schedule at its share of
/// the fit's samples, which the samples clock keeps at zero and the batches clock does not.
/// </summary>
internal static class ClockPlot
{
    public static void Save(string path, Experiment7SamplesClock.Outcome outcome, long totalSamples, long epochSamples)
    {
        var curves = new Plot();
        var deviations = new Plot();
        var arms = Experiment7SamplesClock.Arms;
        for (var a = 0; a < arms.Count; a++)
        {
            // One colour per batching, solid on the samples clock and dashed on the batches clock.
            var color = Picture.Color(a % 3);
            var xs = outcome.Samples[a].Select(s => s / 1000.0).ToArray();
            // Thinner on top: the samples-clock curves coincide.
            var samplesClock = arms[a].Clock == Torch.ClockUnit.Samples;
            var curve = curves.Add.ScatterLine(xs, outcome.Lrs[a], color);
            curve.LineWidth = samplesClock ? 5 - a : 2;
            curve.LinePattern = samplesClock ? LinePattern.Solid : LinePattern.Dashed;
            curve.LegendText = arms[a].Name;
            var deviation = deviations.Add.ScatterLine(xs, Experiment7SamplesClock.Deviation(outcome, a, totalSamples).Select(d => d * 100).ToArray(), color);
            deviation.LineWidth = samplesClock ? 5 - a : 1.5f;
            deviation.LinePattern = samplesClock ? LinePattern.Solid : LinePattern.Dashed;
            deviation.LegendText = arms[a].Name;
        }
        curves.Title($"the lr each batch trained with, against the samples seen before it ({totalSamples / epochSamples} epochs of {epochSamples:#,0} samples)");
        curves.YLabel("lr");
        deviations.Title("the same lr minus the schedule at samples seen / the fit's samples (0: the schedule in samples)");
        deviations.YLabel("lr − schedule (% of peak lr)");
        foreach (var plot in new[] { curves, deviations })
        {
            plot.XLabel("samples seen (thousands)");
            plot.Axes.SetLimitsX(0, totalSamples / 1000.0);
            plot.ShowLegend(Edge.Right);
        }
        PlotPanels.Save([curves, deviations], path, 1200, 420);
    }
}
