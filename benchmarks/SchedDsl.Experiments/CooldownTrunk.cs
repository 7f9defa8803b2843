using SchedDsl.Torch;

namespace SchedDsl.Experiments;

/// <summary>
/// Experiments 4 and 5's trunk: one constant-lr fit per seed, as long as the last branch point, whose state is kept at
/// every budget's branch point; and the cooldown branches trained off those states.
/// </summary>
internal static class CooldownTrunk
{
    /// <summary>The trunk's schedule: a constant lr (Hägele et al. 2024's "constant lr + cooldown").</summary>
    public static Sched Schedule { get; } = Sched.Const(AnytimeBudget.PeakLr);

    /// <summary>Where seed <paramref name="seed"/>'s trunk state after <paramref name="epoch"/> epochs waits for its branches; deleted by <see cref="CleanUp"/>.</summary>
    public static string StateFile(Workbench bench, int seed, int epoch) => bench.Output($"trunk-seed{seed}-epoch{epoch}.tmp");

    /// <summary>Trains the trunk of <paramref name="seed"/> and saves its model and optimizer at every branch point.</summary>
    public static TrainedRun Train(Workbench bench, AnytimeBudget sizes, Dataset data, int seed, Lane lane)
    {
        using var learn = bench.NewLearner(Workbench.NewModel(seed, classes: 10), data, seed, lane);
        var points = sizes.Budgets.Select(AnytimeBudget.BranchPoint).ToHashSet();
        var keep = new SaveAtEpochs(points, epoch => StateFile(bench, seed, epoch));
        var trunkEpochs = AnytimeBudget.BranchPoint(sizes.Longest);
        return TrainedRun.Of(learn, () => learn.Fit(trunkEpochs, Lrs(Schedule), callbacks: [keep]));
    }

    /// <summary>
    /// A cooldown branch of a budget of <paramref name="budget"/> epochs off seed <paramref name="seed"/>'s trunk:
    /// the trunk's model and optimizer at the branch point, then the branch's own fit (its own learner and recorder)
    /// of <c>at + length</c> epochs started at epoch <c>at</c>, whose lr is <see cref="BranchSchedule"/>:
    /// the cooldown from the trunk's lr to 0 over the last fifth of the budget. Starting at epoch <c>at</c> also
    /// continues the trunk's data order. The trunk's files are only read, so every branch starts from the same state.
    /// </summary>
    public static TrainedRun Branch(Workbench bench, AnytimeBudget sizes, Dataset data, int seed, int budget, CooldownShape shape, Lane lane)
    {
        var at = AnytimeBudget.BranchPoint(budget);
        using var learn = bench.NewLearner(Workbench.NewModel(seed, classes: 10), data, seed, lane);
        learn.Load(StateFile(bench, seed, at));
        var schedule = BranchSchedule(sizes, budget, shape);
        return TrainedRun.Of(learn, () => learn.Fit(budget, Lrs(schedule), startEpoch: at));
    }

    /// <summary>The lr of a branch's fit: the trunk's (planned for its whole length) up to the branch point, then the cooldown; in epochs.</summary>
    public static Sched BranchSchedule(AnytimeBudget sizes, int budget, CooldownShape shape) =>
        Schedule.Branch(planned: AnytimeBudget.BranchPoint(sizes.Longest), at: AnytimeBudget.BranchPoint(budget), length: AnytimeBudget.CooldownEpochs(budget), shape);

    public static void CleanUp(Workbench bench, AnytimeBudget sizes)
    {
        foreach (var seed in bench.Budget.Seeds)
        {
            foreach (var budget in sizes.Budgets)
            {
                File.Delete(StateFile(bench, seed, AnytimeBudget.BranchPoint(budget)));
            }
        }
    }

    public static Dictionary<HyperParameter, Sched> Lrs(Sched lr) => new() { [HyperParameter.LearningRate] = lr };

    /// <summary>Saves the learner (model and optimizer) at the end of the given epochs (1-based counts of epochs trained).</summary>
    private sealed class SaveAtEpochs(IReadOnlySet<int> epochs, Func<int, string> path) : Callback
    {
        public override void AfterEpoch(FitContext context)
        {
            var trained = context.Epoch + 1;
            if (epochs.Contains(trained))
            {
                context.Learner.Save(path(trained));
            }
        }
    }
}
