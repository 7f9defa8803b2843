using SchedDsl.Torch;
using static TorchSharp.torch;

namespace SchedDsl.GpuBench;

/// <summary>One way to run a training step of a <see cref="Workload"/>: bare, or with a scheduler after it.</summary>
internal sealed record Variant(string Name, Action Run)
{
    /// <summary>Far more steps than a run takes, so neither scheduler finishes (TorchSharp's OneCycleLR throws past its total).</summary>
    private const int Total = 100_000;

    public static Variant[] For(Workload w)
    {
        var runner = NewRunner(w);
        var next = 0;
        var oneCycle = optim.lr_scheduler.OneCycleLR(w.Optimizer, 1e-2, total_steps: 10_000_000); // never runs out during a measurement
        return
        [
            new("bare step", () =>
            {
                using var scope = NewDisposeScope();
                w.Step();
            }),
            new($"+ ScheduleRunner.Apply(step) (one-cycle lr + mom, {w.GroupCount} groups, recorded)", () =>
            {
                using var scope = NewDisposeScope();
                runner.Apply(next++ % Total);
                w.Step();
            }),
            new("+ TorchSharp OneCycleLR.step()", () =>
            {
                using var scope = NewDisposeScope();
                w.Step();
                oneCycle.step();
            }),
            new("+ loss.item() (the Learner's one sync per batch)", () =>
            {
                using var scope = NewDisposeScope();
                _ = w.Step().item<float>();
            }),
        ];
    }

    /// <summary>The runner as a fit uses it: one-cycle lr (a slice over the groups) and momentum, history recorded.</summary>
    public static ScheduleRunner NewRunner(Workload w) => new(w.Optimizer, Total, ScheduleRunner.OneCycle(Hyper.Slice(1e-4, 1e-2)));
}
