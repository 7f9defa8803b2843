using Xunit;

namespace SchedDsl.Core.Tests.Groups;

public sealed class HyperTests
{
    [Fact]
    public void Even_mults_matches_the_v1_notebook()
    {
        // Seed (fastai v1 notebook, In [162]/[163]), printed to 6 decimals.
        Tolerance.AllClose([0.01, 0.017321, 0.03], Discriminative.EvenMults(0.01, 0.03, 3), 1e-6);
        Tolerance.AllClose(
            [0.01, 0.011298, 0.012765, 0.014422, 0.016295, 0.018411, 0.020801, 0.023501, 0.026553, 0.03],
            Discriminative.EvenMults(0.01, 0.03, 10),
            1e-6);
    }

    [Fact]
    public void Even_mults_with_one_group_is_stop() =>
        // fastcore's even_mults: `if n==1: return stop`.
        Assert.Equal([0.03], Discriminative.EvenMults(0.01, 0.03, 1));

    [Fact]
    public void Slice_without_start_follows_the_chosen_rule()
    {
        // Seed (v1 notebook, In [164]): default_lr = slice(None, 0.003) over 3 layer groups -> [0.001, 0.001, 0.003].
        Tolerance.AllClose([0.001, 0.001, 0.003], Hyper.Slice(0.003, SliceRule.FastaiV1).ForGroups(3), Tolerance.Double);
        // fastai v2's Optimizer.set_hyper: [stop/10]*(n-1) + [stop].
        Tolerance.AllClose([0.0003, 0.0003, 0.003], Hyper.Slice(0.003).ForGroups(3), Tolerance.Double);
        // slice(0, stop) is slice(stop): fastai tests `if lr.start:`.
        Assert.Equal(Hyper.Slice(0.003), Hyper.Slice(0, 0.003));
    }

    [Fact]
    public void Slice_with_start_is_even_mults() =>
        Tolerance.AllClose(Discriminative.EvenMults(1e-5, 1e-3, 4), Hyper.Slice(1e-5, 1e-3).ForGroups(4), Tolerance.Double);

    [Fact]
    public void List_length_must_match_the_group_count()
    {
        // Seed (v1 notebook, In [166]): fastai says "List len mismatch (4 vs 3)"; we name both counts too.
        var error = Assert.Throws<SchedArgumentException>(() => Hyper.Of(0.001, 0.002, 0.003, 0.004).ForGroups(3));
        Assert.Equal(
            "per-group list [0.001, 0.002, 0.003, 0.004] has 4 values but there are 3 parameter groups; give one value per group",
            error.Message);
    }

    [Fact]
    public void Scalars_repeat_for_every_group() =>
        Assert.Equal([0.1, 0.1, 0.1], Hyper.Scalar(0.1).ForGroups(3));

    [Fact]
    public void Per_group_schedules_resolve_group_by_group()
    {
        var lrs = Sched.OneCycle(Hyper.Slice(1e-4, 1e-2)).ForGroups(3);
        var peaks = Discriminative.EvenMults(1e-4, 1e-2, 3);
        for (var g = 0; g < 3; g++)
        {
            Assert.Equal(Sched.OneCycle(peaks[g]), lrs[g]);
            Assert.Equal(peaks[g] / 25, lrs[g].At(0), Tolerance.Double);
        }
    }

    [Fact]
    public void Evaluating_a_per_group_schedule_without_resolving_says_what_to_do()
    {
        var error = Assert.Throws<InvalidOperationException>(() => Sched.Cos(Hyper.Of(1, 2), 0).At(0.5));
        Assert.Contains("resolve it with ForGroups(groupCount) before At", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Scalar_schedules_resolve_to_themselves_in_every_group()
    {
        var sched = Sched.Cos(0, 1);
        Assert.All(sched.ForGroups(3), group => Assert.Same(sched, group));
    }
}
