using Xunit;

namespace SchedDsl.Experiments.Tests;

public sealed class AnytimeBudgetTests
{
    public static TheoryData<string> Names => ["quick", "default", "full"];

    private static AnytimeBudget Sizes(string name) => AnytimeBudget.For(name switch
    {
        "quick" => Budget.Quick,
        "full" => Budget.Full,
        _ => Budget.Default,
    });

    [Theory]
    [MemberData(nameof(Names))]
    public void Every_budget_splits_into_whole_batches_of_trunk_and_cooldown(string name)
    {
        var sizes = Sizes(name);
        Assert.Equal(3, sizes.Budgets.Count);
        Assert.Equal(sizes.Budgets.Order(), sizes.Budgets);
        Assert.Equal(0, sizes.TrainImages % (sizes.BatchSize * AnytimeBudget.CooldownDivisor));
        Assert.All(sizes.Budgets, b =>
        {
            Assert.Equal(sizes.Batches(b), sizes.BranchBatch(b) + sizes.CooldownBatches(b));
            Assert.Equal(sizes.Batches(b), AnytimeBudget.CooldownDivisor * sizes.CooldownBatches(b));
            // The trunk checkpoints every CheckpointEvery batches: every branch point must be one of them.
            Assert.Equal(0, sizes.BranchBatch(b) % sizes.CheckpointEvery);
        });
        Assert.Equal(sizes.BranchBatch(sizes.Longest), sizes.TrunkBatches);
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_subsets_fit_in_the_loaded_images_and_the_clock_s_leaves_partial_batches(string name)
    {
        var sizes = Sizes(name);
        var loaded = name == "quick" ? Budget.Quick : name == "full" ? Budget.Full : Budget.Default;
        Assert.InRange(sizes.TrainImages, 1, loaded.TrainImages);
        Assert.InRange(sizes.ClockTrainImages, 1, loaded.TrainImages);
        Assert.InRange(sizes.TestImages, 1, loaded.TestImages);
        // Experiment 7 compares the clocks where they part: at every batch size's partial last batch.
        Assert.All(Experiment7SamplesClock.Arms, a => Assert.NotEqual(0, sizes.ClockTrainImages % a.BatchSize));
    }

    [Fact]
    public void Each_budget_has_its_own_sizes()
    {
        Assert.Same(AnytimeBudget.Quick, AnytimeBudget.For(Budget.Quick));
        Assert.Same(AnytimeBudget.Default, AnytimeBudget.For(Budget.Default));
        Assert.Same(AnytimeBudget.Full, AnytimeBudget.For(Budget.Full));
    }

    [Fact]
    public void A_branch_has_the_trunk_s_lr_up_to_its_point_then_cools_to_zero()
    {
        // Budget 2 of the default sizes: 80 batches, the trunk's to batch 64, then 16 batches of cooldown.
        var branch = CooldownTrunk.BranchSchedule(AnytimeBudget.Default, 2, CooldownShape.Linear);
        Assert.Equal(AnytimeBudget.PeakLr, branch.At(0.79));
        Assert.Equal(AnytimeBudget.PeakLr, branch.At(0.8));
        // Tolerance: one linear interpolation of doubles near 1e-2; 1e-15 is far below any real difference.
        Assert.Equal(AnytimeBudget.PeakLr / 2, branch.At(0.9), 1e-15);
        Assert.Equal(0, branch.At(1));
    }
}
