using SchedDsl.Plotting;
using SchedDsl.Torch;
using ScottPlot;

namespace SchedDsl.TimePictures;

/// <summary>
/// One schedule on the batches, updates and samples clocks, with accumulation: three real fits, each batch's lr drawn
/// over the samples it trained on. The short last batch of each epoch gets a whole batch's share on the batches clock,
/// its real size on the samples clock; the updates clock holds still through each accumulation window.
/// </summary>
internal static class ClocksPicture
{
    private const int Rows = 200;
    private const int BatchSize = 24;
    private const int Accumulate = 72;
    private const int Epochs = 3;

    public static void Draw(string path, Scratch scratch)
    {
        var lr = Sched.OneCycle(1e-2);
        var schedule = new Dictionary<HyperParameter, Sched> { [HyperParameter.LearningRate] = lr };
        var plot = new Plot();
        // The schedule as a function of the data seen: what every clock approximates, and the samples clock meets at each batch's start.
        var total = Rows * Epochs;
        var seen = Enumerable.Range(0, total + 1).Select(s => (double)s).ToList();
        Series.Line(plot, seen, seen.Select(s => lr.At(s / total)).ToList(), "one_cycle(0.01) at samples seen / total", Colors.Black.WithAlpha(0.45), dashed: true);
        var clocks = new[] { ClockUnit.Batches, ClockUnit.Updates, ClockUnit.Samples };
        for (var c = 0; c < clocks.Length; c++)
        {
            using var learn = Rig.Learner(Rows, BatchSize);
            learn.Clock = clocks[c];
            learn.AccumulateSamples = Accumulate;
            var recorder = learn.Fit(Epochs, schedule);
            // Each batch holds its lr from the samples before it to the samples after it.
            var xs = recorder.Samples.Select(s => (double)s).Append(Rows * Epochs).ToList();
            var ys = recorder.Lrs.Append(recorder.Lrs[^1]).ToList();
            var line = Series.Line(plot, xs, ys, $"{clocks[c].ToString().ToLowerInvariant()} clock: each batch's lr", Series.Color(c));
            line.ConnectStyle = ConnectStyle.StepHorizontal;
            line.MarkerSize = 0;
        }
        for (var e = 1; e < Epochs; e++)
        {
            Series.Marker(plot, e * Rows, e == 1 ? "epoch end" : null);
        }
        Series.Label(plot, $"one_cycle(0.01) on three clocks: {Epochs} epochs of {Rows} samples, batches of {BatchSize} (the last of {Rows % BatchSize}), an update every {Accumulate} samples",
            "samples seen", "learning rate");
        PlotPanels.Save([plot], path, 1200, 520);
    }
}
