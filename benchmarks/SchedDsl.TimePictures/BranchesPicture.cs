using SchedDsl.Plotting;
using SchedDsl.Torch;
using ScottPlot;

namespace SchedDsl.TimePictures;

/// <summary>
/// Three 1-sqrt cooldown branches off one constant-lr trunk (warmup, then flat): each starts at the trunk's lr at its
/// checkpoint, the lr the trunk applies there, and falls to 0 over the same length. The trunk trains on after each.
/// </summary>
internal static class BranchesPicture
{
    private const int Rows = 320;
    private const int BatchSize = 16;
    private const int Epochs = 10;
    private const int Length = 35;
    private static readonly int[] At = [65, 115, 165];

    public static void Draw(string path, Scratch scratch)
    {
        var trunkSchedule = new Dictionary<HyperParameter, Sched> { [HyperParameter.LearningRate] = Sched.WsdLinear(lr: 0.2, warmupPct: 0.05, decayPct: 0) };
        var writer = new CheckpointCallback(scratch["trunk"], everySteps: 1, everyEpoch: false);
        var keep = new KeepCheckpoints(writer, At);
        Recorder trunk;
        using (var learn = Rig.Learner(Rows, BatchSize))
        {
            trunk = learn.Fit(Epochs, trunkSchedule, callbacks: [writer, keep]);
        }
        var lrs = new Plot();
        var steps = Enumerable.Range(0, trunk.Lrs.Count).Select(i => (double)i).ToList();
        Series.Line(lrs, steps, trunk.Lrs, "trunk: wsd_linear(0.2, 0.05, 0)", Colors.Gray);
        for (var b = 0; b < At.Length; b++)
        {
            using var learn = Rig.Learner(Rows, BatchSize);
            var branch = learn.FitCooldownBranch(keep.PathAt(At[b]), Length, CooldownShape.Sqrt,
                callbacks: [new CheckpointCallback(scratch[$"branch-{At[b]}"])]);
            var xs = Enumerable.Range(branch.Hypers.FirstStep, branch.Lrs.Count).Select(i => (double)i).ToList();
            var label = $"branch off the checkpoint after batch {At[b]}: {At[b] + Length} batches in all";
            Series.Line(lrs, xs, branch.Lrs, label, Series.Color(b));
        }
        Series.Label(lrs, $"three 1-sqrt cooldown branches of {Length} batches off one trunk ({Rows / BatchSize} batches an epoch)", "batch", "learning rate");
        PlotPanels.Save([lrs], path, 1200, 520);
    }
}
