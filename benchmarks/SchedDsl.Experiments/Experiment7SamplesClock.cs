using SchedDsl.Torch;

namespace SchedDsl.Experiments;

/// <summary>
/// Experiment 7: batch-size invariance of the samples clock (issue 18). One schedule trained at batch 64, at batch
/// 128, and as 4 × 32 with gradient accumulation, each on the samples clock and on the batches clock; every epoch
/// keeps its partial last batch, which is where the two clocks part.
/// </summary>
internal static class Experiment7SamplesClock
{
    /// <summary>One way to train: the batch size, the samples per update (0: every batch), the clock.</summary>
    public sealed record Arm(int BatchSize, int AccumulateSamples, ClockUnit Clock)
    {
        public string Batching => AccumulateSamples == 0 ? $"batch {BatchSize}" : $"{AccumulateSamples / BatchSize} × {BatchSize}, accumulated";

        public string Name => $"{Batching}, {Clock.ToString().ToLowerInvariant()} clock";
    }

    public static IReadOnlyList<Arm> Arms { get; } =
    [
        new(64, 0, ClockUnit.Samples),
        new(128, 0, ClockUnit.Samples),
        new(32, 128, ClockUnit.Samples),
        new(64, 0, ClockUnit.Batches),
        new(128, 0, ClockUnit.Batches),
        new(32, 128, ClockUnit.Batches),
    ];

    /// <summary>The arm the others' learning rates are compared with: batch 128 on the samples clock.</summary>
    public const int ReferenceIndex = 1;

    /// <summary>The lr of every arm: one-cycle (fastai's defaults) peaking at the shared lr, so every batch size trains the same schedule.</summary>
    public static Sched Schedule { get; } = Sched.OneCycle(AnytimeBudget.PeakLr);

    /// <summary>What one arm did: its runs per seed, and seed 0's lr and samples-seen per batch (the same for every seed).</summary>
    public sealed record Outcome(TrainedRun[][] Runs, long[][] Samples, double[][] Lrs, int[] Updates)
    {
        public static Outcome Empty(int seeds) => new([.. Arms.Select(_ => new TrainedRun[seeds])], new long[Arms.Count][], new double[Arms.Count][], new int[Arms.Count]);
    }

    public static IEnumerable<Job> Jobs(Workbench bench, AnytimeBudget sizes, Dataset data, Outcome into)
    {
        for (var s = 0; s < bench.Budget.Seeds.Count; s++)
        {
            for (var a = 0; a < Arms.Count; a++)
            {
                var (seedIndex, armIndex, seed, arm) = (s, a, bench.Budget.Seeds[s], Arms[a]);
                yield return new Job($"seed {seed}, experiment 7: {arm.Name}, {sizes.ClockEpochs} epochs of one-cycle({AnytimeBudget.PeakLr})", lane =>
                {
                    using var learn = bench.NewLearner(Workbench.NewModel(seed, classes: 10), data, seed, lane, arm.BatchSize, dropLast: false);
                    learn.Clock = arm.Clock;
                    learn.AccumulateSamples = arm.AccumulateSamples;
                    var run = TrainedRun.Of(learn, () => learn.Fit(sizes.ClockEpochs, CooldownTrunk.Lrs(Schedule)));
                    into.Runs[armIndex][seedIndex] = run;
                    if (seedIndex == 0 && learn.Recorder is { } recorder)
                    {
                        into.Samples[armIndex] = [.. recorder.Samples];
                        into.Lrs[armIndex] = [.. recorder.Lrs];
                        into.Updates[armIndex] = recorder.Updates;
                    }
                    return run.Describe();
                });
            }
        }
    }

    /// <summary>How many of an arm's batches start at a sample count the reference arm's batches also start at, and how many of those got the bit-identical lr.</summary>
    public static (int Shared, int Identical) SharedLrs(Outcome outcome, int arm)
    {
        var reference = new Dictionary<long, double>();
        for (var i = 0; i < outcome.Samples[ReferenceIndex].Length; i++)
        {
            reference[outcome.Samples[ReferenceIndex][i]] = outcome.Lrs[ReferenceIndex][i];
        }
        var (shared, identical) = (0, 0);
        for (var i = 0; i < outcome.Samples[arm].Length; i++)
        {
            if (reference.TryGetValue(outcome.Samples[arm][i], out var lr))
            {
                shared++;
                identical += lr.Equals(outcome.Lrs[arm][i]) ? 1 : 0;
            }
        }
        return (shared, identical);
    }

    /// <summary>Each batch's lr minus the schedule at the batch's share of the fit's samples, as a fraction of the peak lr.</summary>
    public static double[] Deviation(Outcome outcome, int arm, long totalSamples) =>
        [.. outcome.Samples[arm].Select((s, i) => (outcome.Lrs[arm][i] - Schedule.At((double)s / totalSamples)) / AnytimeBudget.PeakLr)];

    public static string Table(Outcome outcome, long totalSamples)
    {
        var accuracy = outcome.Runs.Select(runs => Summary.Of(runs.Select(r => r.Accuracy))).ToList();
        var table = new MarkdownTable("batching", "clock", "updates", "batches at a sample count batch 128 (samples clock) also has: same lr", "largest lr − schedule(samples/total), % of peak", "test accuracy", "test loss", "vs best");
        for (var a = 0; a < Arms.Count; a++)
        {
            var (shared, identical) = SharedLrs(outcome, a);
            var largest = Deviation(outcome, a, totalSamples).Select(Math.Abs).DefaultIfEmpty(double.NaN).Max();
            table.Add(
                Arms[a].Batching,
                Arms[a].Clock.ToString().ToLowerInvariant(),
                Formats.Number(outcome.Updates[a], "#,0"),
                $"{identical} of {shared}",
                Formats.Number(largest * 100, "0.000"),
                Formats.Percent(accuracy[a]),
                Formats.Loss(Summary.Of(outcome.Runs[a].Select(r => r.Loss))),
                Comparison.VersusBest(accuracy, a));
        }
        return table.ToString();
    }
}
