namespace SchedDsl.Experiments;

/// <summary>
/// Experiment 6: decay to zero against cosine to 10 % (Bergsma et al. 2025, "Straight to Zero"), each a fit from
/// scratch at each budget. Its cosine-to-0 runs are also experiment 4's separate runs.
/// </summary>
internal static class Experiment6DecayToZero
{
    public sealed record Arm(string Name, Func<double, Sched> Shape);

    public static IReadOnlyList<Arm> Arms { get; } =
    [
        new("cosine to 10 %", lr => Sched.Cos(lr, lr / 10)),
        new("cosine to 0", lr => Sched.Cos(lr, 0)),
        new("linear to 0 (D2Z)", lr => Sched.Lin(lr, 0)),
    ];

    /// <summary>The arm experiment 4 compares its branches with: separate cosine runs to 0.</summary>
    public const int CosineToZeroIndex = 1;

    /// <summary>An empty results[arm][budget][seed index].</summary>
    public static TrainedRun[][][] Empty(AnytimeBudget sizes, int seeds) =>
        [.. Arms.Select(_ => sizes.Budgets.Select(_ => new TrainedRun[seeds]).ToArray())];

    /// <summary>One job per seed, budget and arm, longest budgets first (they balance the workers best).</summary>
    public static IEnumerable<Job> Jobs(Workbench bench, AnytimeBudget sizes, Dataset data, TrainedRun[][][] into)
    {
        for (var b = sizes.Budgets.Count - 1; b >= 0; b--)
        {
            for (var s = 0; s < bench.Budget.Seeds.Count; s++)
            {
                for (var a = 0; a < Arms.Count; a++)
                {
                    var (seedIndex, budgetIndex, armIndex, seed, budget, arm) = (s, b, a, bench.Budget.Seeds[s], sizes.Budgets[b], Arms[a]);
                    yield return new Job($"seed {seed}, experiments 4 and 6: {arm.Name}, {AnytimeBudget.EpochsText(budget)}", lane =>
                    {
                        using var learn = bench.NewLearner(Workbench.NewModel(seed, classes: 10), data, seed, lane, sizes.BatchSize);
                        var run = TrainedRun.Of(learn, () => learn.Fit(budget, CooldownTrunk.Lrs(arm.Shape(AnytimeBudget.PeakLr))));
                        into[armIndex][budgetIndex][seedIndex] = run;
                        return run.Describe();
                    });
                }
            }
        }
    }

    public static string Table(AnytimeBudget sizes, TrainedRun[][][] runs) => BudgetTable.Of([.. Arms.Select(a => a.Name)], sizes.Budgets, runs);
}
