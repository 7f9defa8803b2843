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
    public void Every_budget_splits_into_whole_epochs_of_trunk_and_cooldown(string name)
    {
        var sizes = Sizes(name);
        Assert.Equal(3, sizes.Budgets.Count);
        Assert.Equal(sizes.Budgets.Order(), sizes.Budgets);
        Assert.All(sizes.Budgets, b =>
        {
            Assert.Equal(0, b % AnytimeBudget.CooldownDivisor);
            Assert.Equal(b, AnytimeBudget.BranchPoint(b) + AnytimeBudget.CooldownEpochs(b));
            Assert.InRange(AnytimeBudget.CooldownEpochs(b), 1, b - 1);
        });
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void The_subset_fits_in_the_loaded_images(string name) =>
        Assert.InRange(Sizes(name).TrainImages, 1, (name == "quick" ? Budget.Quick : name == "full" ? Budget.Full : Budget.Default).TrainImages);

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
        // Budget 10 of the default sizes: the trunk (planned 12 epochs) to epoch 8, then 2 epochs of cooldown.
        var branch = CooldownTrunk.BranchSchedule(AnytimeBudget.Default, 10, CooldownShape.Linear);
        Assert.Equal(AnytimeBudget.PeakLr, branch.At(0.79));
        Assert.Equal(AnytimeBudget.PeakLr, branch.At(0.8));
        // Tolerance: one linear interpolation of doubles near 1e-2; 1e-15 is far below any real difference.
        Assert.Equal(AnytimeBudget.PeakLr / 2, branch.At(0.9), 1e-15);
        Assert.Equal(0, branch.At(1));
    }
}
