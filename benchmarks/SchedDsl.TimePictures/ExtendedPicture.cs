using SchedDsl.Plotting;
using SchedDsl.Torch;
using ScottPlot;

namespace SchedDsl.TimePictures;

/// <summary>
/// A 2-epoch one-cycle fit killed mid-epoch 2 and resumed for 3 epochs: the resumed fit re-plans the rest (stretch)
/// and goes on from the lr the killed fit would have applied next, with no jump, to the schedule's end.
/// </summary>
internal static class ExtendedPicture
{
    private const int Rows = 320;
    private const int BatchSize = 16;
    private const int Killed = 30;

    public static void Draw(string path, Scratch scratch)
    {
        var schedule = new Dictionary<HyperParameter, Sched> { [HyperParameter.LearningRate] = Sched.OneCycle(1e-2) };
        Recorder planned;
        using (var straight = Rig.Learner(Rows, BatchSize))
        {
            planned = straight.Fit(2, schedule);
        }
        var writer = new CheckpointCallback(scratch["extended"], everySteps: 1, everyEpoch: false);
        Recorder before;
        using (var first = Rig.Learner(Rows, BatchSize))
        using (var kill = new CancellationTokenSource())
        {
            try
            {
                first.Fit(2, schedule, callbacks: [writer, new KillAfter(Killed, kill)], cancellation: kill.Token);
            }
            catch (OperationCanceledException)
            {
                // The kill: the checkpoint of batch 30 is on disk.
            }
            before = first.Recorder!;
        }
        using var second = Rig.Learner(Rows, BatchSize);
        var resumed = second.Fit(3, schedule, resumeFrom: writer.LastPath);

        var plot = new Plot();
        Series.Line(plot, Steps(0, planned.Lrs.Count), planned.Lrs, "planned: the 2-epoch fit, uninterrupted", Colors.Gray, dashed: true);
        Series.Line(plot, Steps(0, before.Lrs.Count), before.Lrs, $"trained, then killed after batch {Killed}", Series.Color(0));
        Series.Line(plot, Steps(resumed.Hypers.FirstStep, resumed.Lrs.Count), resumed.Lrs, "resumed with 3 epochs: the rest stretched", Series.Color(1));
        Series.Marker(plot, Killed, "resume point");
        Series.Label(plot, $"a 2-epoch one_cycle(0.01) fit ({Rows / BatchSize} batches an epoch) killed mid-epoch 2, resumed for 3 epochs: no jump", "batch", "learning rate");
        plot.Axes.SetLimitsX(0, resumed.Hypers.FirstStep + resumed.Lrs.Count);
        PlotPanels.Save([plot], path, 1200, 520);
    }

    private static double[] Steps(int first, int count) => [.. Enumerable.Range(first, count).Select(i => (double)i)];
}
