namespace SchedDsl.Experiments;

/// <summary>
/// Experiment 5: the cooldown's shape (linear, cosine, 1-sqrt; Hägele et al. 2024) at equal budget, each branched off
/// the same trunk at the same point; experiment 4 compares the linear branches with separate cosine runs.
/// </summary>
internal static class Experiment5CooldownShape
{
    public sealed record Shape(string Name, CooldownShape Value);

    public static IReadOnlyList<Shape> Shapes { get; } =
    [
        new("linear", CooldownShape.Linear),
        new("cosine", CooldownShape.Cosine),
        new("1-sqrt", CooldownShape.Sqrt),
    ];

    /// <summary>The shape experiment 4 compares with the separate cosine runs: the linear cooldown of Hägele et al.'s main comparison.</summary>
    public const int LinearIndex = 0;

    /// <summary>An empty results[shape][budget][seed index].</summary>
    public static TrainedRun[][][] Empty(AnytimeBudget sizes, int seeds) =>
        [.. Shapes.Select(_ => sizes.Budgets.Select(_ => new TrainedRun[seeds]).ToArray())];

    /// <summary>One job per seed, budget and shape; runs after the trunks (<see cref="Experiment4Branches.TrunkJobs"/>).</summary>
    public static IEnumerable<Job> Jobs(Workbench bench, AnytimeBudget sizes, Dataset data, TrainedRun[][][] into)
    {
        for (var s = 0; s < bench.Budget.Seeds.Count; s++)
        {
            for (var b = 0; b < sizes.Budgets.Count; b++)
            {
                for (var k = 0; k < Shapes.Count; k++)
                {
                    var (seedIndex, budgetIndex, shapeIndex, seed, budget) = (s, b, k, bench.Budget.Seeds[s], sizes.Budgets[b]);
                    var shape = Shapes[k];
                    yield return new Job($"seed {seed}, experiments 4-5: {shape.Name} cooldown, batches {sizes.BranchBatch(budget)}-{sizes.Batches(budget)} off the trunk", lane =>
                    {
                        var run = CooldownTrunk.Branch(bench, sizes, data, seed, budget, shape.Value, lane);
                        into[shapeIndex][budgetIndex][seedIndex] = run;
                        return run.Describe();
                    });
                }
            }
        }
    }

    public static string Table(AnytimeBudget sizes, TrainedRun[][][] branches) =>
        BudgetTable.Of([.. Shapes.Select(s => s.Name + " cooldown")], sizes.Budgets, branches);
}
