using SchedDsl.Torch;

namespace SchedDsl.Experiments;

/// <summary>
/// Experiments 4 and 5's trunk: one constant-lr fit per seed, checkpointed at every budget's branch point and stopped
/// at the last one; and the cooldown branches, each trained off one of those checkpoints by
/// <see cref="Learner.FitCooldownBranch"/>.
/// </summary>
internal static class CooldownTrunk
{
    /// <summary>The trunk's schedule: a constant lr (Hägele et al. 2024's "constant lr + cooldown").</summary>
    public static Sched Schedule { get; } = Sched.Const(AnytimeBudget.PeakLr);

    /// <summary>The trunk's own checkpoint folder (its <c>last.ckpt</c> moves on as it trains).</summary>
    private static string CheckpointDirectory(Workbench bench, int seed) => bench.Output($"trunk-seed{seed}.tmp");

    /// <summary>Seed <paramref name="seed"/>'s trunk checkpoint after <paramref name="batches"/> batches, kept for its branches; deleted by <see cref="CleanUp"/>.</summary>
    public static string CheckpointAt(Workbench bench, int seed, int batches) => bench.Output($"trunk-seed{seed}-batch{batches}.ckpt.tmp");

    /// <summary>
    /// Trains the trunk of <paramref name="seed"/>: a fit planned for the longest budget, checkpointed every
    /// <see cref="AnytimeBudget.CheckpointEvery"/> batches, each branch point's checkpoint kept, stopped after the last.
    /// </summary>
    public static TrainedRun Train(Workbench bench, AnytimeBudget sizes, Dataset data, int seed, Lane lane)
    {
        using var learn = bench.NewLearner(Workbench.NewModel(seed, classes: 10), data, seed, lane, sizes.BatchSize);
        var checkpoints = new CheckpointCallback(CheckpointDirectory(bench, seed), everySteps: sizes.CheckpointEvery, everyEpoch: false);
        var keep = new KeepBranchPoints(sizes.Budgets.Select(sizes.BranchBatch).ToHashSet(), checkpoints, batches => CheckpointAt(bench, seed, batches));
        return TrainedRun.Of(learn, () => learn.Fit(sizes.Longest, Lrs(Schedule), callbacks: [checkpoints, keep]));
    }

    /// <summary>
    /// The cooldown branch of a budget of <paramref name="epochs"/> off seed <paramref name="seed"/>'s trunk, in its own
    /// learner (own recorder): <see cref="Learner.FitCooldownBranch"/> from the trunk's checkpoint at the branch point,
    /// cooling down to 0 over the budget's last fifth. The checkpoint is only read, so every branch starts from it.
    /// </summary>
    public static TrainedRun Branch(Workbench bench, AnytimeBudget sizes, Dataset data, int seed, int epochs, CooldownShape shape, Lane lane)
    {
        using var learn = bench.NewLearner(Workbench.NewModel(seed, classes: 10), data, seed, lane, sizes.BatchSize);
        var from = CheckpointAt(bench, seed, sizes.BranchBatch(epochs));
        return TrainedRun.Of(learn, () => learn.FitCooldownBranch(from, sizes.CooldownBatches(epochs), shape));
    }

    /// <summary>The lr a branch trains with (what <see cref="Learner.FitCooldownBranch"/> plans), for the pictures: a fit of the budget's batches.</summary>
    public static Sched BranchSchedule(AnytimeBudget sizes, int epochs, CooldownShape shape) =>
        Schedule.Branch(planned: sizes.Batches(sizes.Longest), at: sizes.BranchBatch(epochs), length: sizes.CooldownBatches(epochs), shape);

    public static void CleanUp(Workbench bench, AnytimeBudget sizes)
    {
        foreach (var seed in bench.Budget.Seeds)
        {
            foreach (var budget in sizes.Budgets)
            {
                File.Delete(CheckpointAt(bench, seed, sizes.BranchBatch(budget)));
            }
            if (Directory.Exists(CheckpointDirectory(bench, seed)))
            {
                Directory.Delete(CheckpointDirectory(bench, seed), recursive: true);
            }
        }
    }

    public static Dictionary<HyperParameter, Sched> Lrs(Sched lr) => new() { [HyperParameter.LearningRate] = lr };

    /// <summary>
    /// Copies the trunk's checkpoint aside when it was written at a branch point, and stops the trunk after the last
    /// one. Runs after <see cref="CheckpointCallback"/> (order 90), which writes mid-epoch checkpoints after a batch and
    /// one on an epoch's last batch after validation.
    /// </summary>
    private sealed class KeepBranchPoints(IReadOnlySet<int> points, CheckpointCallback checkpoints, Func<int, string> path) : Callback
    {
        private readonly HashSet<int> _kept = [];

        public override int Order => 95;

        public override void AfterBatch(FitContext context)
        {
            if (context.Batch < context.BatchCount - 1)
            {
                Keep(context);
            }
        }

        public override void AfterEpoch(FitContext context) => Keep(context);

        private void Keep(FitContext context)
        {
            var done = context.Iteration;
            // A stop mid-epoch still validates and ends the epoch: that second call finds the point kept.
            if (points.Contains(done) && _kept.Add(done))
            {
                File.Copy(checkpoints.LastPath, path(done), overwrite: true);
                if (done == points.Max())
                {
                    context.RequestStop();
                }
            }
        }
    }
}
