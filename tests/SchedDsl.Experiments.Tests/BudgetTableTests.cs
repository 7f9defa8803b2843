using Xunit;

namespace SchedDsl.Experiments.Tests;

public sealed class BudgetTableTests
{
    private static TrainedRun Run(double accuracy, double loss, long samples = 100) => new(accuracy, loss, [accuracy], [loss], samples, Diverged: false);

    [Fact]
    public void Each_arm_reads_against_the_best_of_its_own_budget()
    {
        TrainedRun[][][] runs =
        [
            [[Run(0.80, 0.5), Run(0.82, 0.5)], [Run(0.90, 0.3), Run(0.90, 0.3)]],
            [[Run(0.70, 0.6), Run(0.70, 0.6)], [Run(0.91, 0.2), Run(0.91, 0.2)]],
        ];
        var lines = BudgetTable.Of(["a", "b"], [1, 2], runs).Split('\n');
        Assert.Equal("| 1 epoch | a | 81.00 ± 1.41 % | 0.5000 ± 0.0000 | best |", lines[2]);
        Assert.Equal("| 1 epoch | b | 70.00 ± 0.00 % | 0.6000 ± 0.0000 | −11.00 pts |", lines[3]);
        Assert.Equal("| 2 epochs | a | 90.00 ± 0.00 % | 0.3000 ± 0.0000 | −1.00 pts |", lines[4]);
        Assert.Equal("| 2 epochs | b | 91.00 ± 0.00 % | 0.2000 ± 0.0000 | best |", lines[5]);
    }

    [Fact]
    public void The_compute_table_counts_one_trunk_and_its_cooldowns_against_the_separate_runs()
    {
        // The default sizes: epochs of 40 batches of 128 (5,120 samples); budgets of 1, 2 and 4 epochs.
        var sizes = AnytimeBudget.Default;
        TrainedRun[] trunks = [Run(0.9, 0.3, 128 * 128)];
        TrainedRun[][] cooldowns = [[Run(0.9, 0.3, 8 * 128)], [Run(0.9, 0.3, 16 * 128)], [Run(0.9, 0.3, 32 * 128)]];
        TrainedRun[][] separate = [[Run(0.9, 0.3, 40 * 128)], [Run(0.9, 0.3, 80 * 128)], [Run(0.9, 0.3, 160 * 128)]];
        var lines = Experiment4Branches.ComputeTable(sizes, trunks, cooldowns, separate).Split('\n');
        Assert.Equal("| one trunk (128 batches) + 3 cooldowns (8 + 16 + 32 batches) | 23,552 | 4.6 | 0.66 |", lines[2]);
        Assert.Equal("| 3 separate cosine runs (40 + 80 + 160 batches) | 35,840 | 7 | 1.00 |", lines[3]);
    }
}
