using Xunit;

namespace SchedDsl.Core.Tests.Zoo;

/// <summary>Each zoo schedule prints as its text-form call, compares structurally and resolves per group.</summary>
public sealed class ZooPrintTests
{
    public static TheoryData<string, string> Printed() => new()
    {
        { Sched.WarmupCosine(1e-3, 0.1).ToString(), "warmup_cosine(0.001, 0.1)" },
        { Sched.WarmupCosine(1e-3, 0.1, 0.1, 0.01).ToString(), "warmup_cosine(0.001, 0.1, start_ratio=0.1, end_ratio=0.01)" },
        { Sched.WarmupLinear(Hyper.Slice(1e-3), 0.06).ToString(), "warmup_linear(slice(0.001), 0.06)" },
        { Sched.Wsd(1e-3, 0.1, 0.2).ToString(), "wsd(0.001, 0.1, 0.2)" },
        { Sched.WsdLinear(1e-3, 0.1, 0.2, 0.1).ToString(), "wsd_linear(0.001, 0.1, 0.2, min_lr_ratio=0.1)" },
        { Sched.OneCycle3Phase(Hyper.Of(0.01, 0.001)).ToString(), "one_cycle_3phase([0.01, 0.001])" },
        { Sched.OneCycle3Phase(0.01, 10, 100, 0.25).ToString(), "one_cycle_3phase(0.01, div=10, final_div_factor=100, pct_start=0.25)" },
        { Sched.Cyclic(1e-3, 6e-3, 3).ToString(), "cyclic(0.001, 0.006, 3)" },
        { Sched.Cyclic(1e-3, 6e-3, 3, 0.25, 0.5, 0.9).ToString(), "cyclic(0.001, 0.006, 3, pct_up=0.25, cycle_decay=0.5, gamma=0.9)" },
        { Sched.CyclicMomentum(0.8, 0.9, 3).ToString(), "cyclic_momentum(0.8, 0.9, 3)" },
        { Sched.StepDecay(0.1, 0.25).ToString(), "step_decay(0.1, 0.25)" },
        { Sched.StepDecay(0.1, 0.25, 0.5).ToString(), "step_decay(0.1, 0.25, gamma=0.5)" },
        { Sched.MultiStep(0.1, [0.5, 0.75]).ToString(), "multi_step(0.1, [0.5, 0.75])" },
        { Sched.PiecewiseConstant(0.1, [0.5], [0.1]).ToString(), "piecewise_constant(0.1, [0.5], [0.1])" },
        { Sched.ExponentialDecay(0.1, 0.5, 0.1).ToString(), "exponential_decay(0.1, 0.5, 0.1)" },
        { Sched.ExponentialDecayStaircase(0.1, 0.5, 0.1, 0.05, 0.1).ToString(), "exponential_decay_staircase(0.1, 0.5, 0.1, begin_pct=0.05, end_ratio=0.1)" },
        { Sched.PolyDecay(0.1).ToString(), "poly_decay(0.1)" },
        { Sched.PolyDecay(0.1, 2, 1e-4, 0.1).ToString(), "poly_decay(0.1, power=2, end_ratio=0.0001, warmup_pct=0.1)" },
        { Sched.InverseSqrt(0.1, 0.1).ToString(), "inverse_sqrt(0.1, 0.1)" },
        { Sched.CosineRestarts(0.1, 3, 0.1).ToString(), "cosine_restarts(0.1, cycles=3, warmup_pct=0.1)" },
        { Sched.SgdrDecay(0.1, 3).ToString(), "sgdr_decay(0.1, 3)" },
        { Sched.SgdrDecay(0.1, 3, 1, 0.5, 1e-5).ToString(), "sgdr_decay(0.1, 3, cycle_mult=1, decay=0.5, lr_min=1e-05)" },
    };

    [Theory]
    [MemberData(nameof(Printed))]
    public void Prints_as_its_text_form_call(string printed, string expected) => Assert.Equal(expected, printed);

    [Fact]
    public void Equal_arguments_give_equal_schedules()
    {
        Assert.Equal(Sched.MultiStep(0.1, [0.5, 0.75]), Sched.MultiStep(0.1, [0.5, 0.75]));
        Assert.Equal(Sched.Cyclic(Hyper.Of(1, 2), 6, 3), Sched.Cyclic(Hyper.Of(1, 2), 6, 3));
        Assert.NotEqual(Sched.Wsd(1e-3, 0.1, 0.2), Sched.WsdLinear(1e-3, 0.1, 0.2));
        Assert.NotEqual(Sched.Cyclic(0.8, 0.9, 3), Sched.CyclicMomentum(0.8, 0.9, 3));
    }

    [Fact]
    public void A_slice_spreads_the_lr_over_the_groups_like_a_list()
    {
        // slice(1e-4, 1e-2) over 3 groups is even_mults: 1e-4, 1e-3, 1e-2.
        var sliced = Sched.WarmupCosine(Hyper.Slice(1e-4, 1e-2), 0.1).ForGroups(3);
        var listed = Sched.WarmupCosine(Hyper.Of(1e-4, 1e-3, 1e-2), 0.1).ForGroups(3);
        for (var g = 0; g < 3; g++)
        {
            foreach (var pos in new[] { 0, 0.05, 0.1, 0.5, 1 })
            {
                Tolerance.Close(listed[g].At(pos), sliced[g].At(pos), Tolerance.Double);
            }
        }
        Assert.Throws<InvalidOperationException>(() => Sched.Cyclic(Hyper.Of(1, 2), 6, 3).At(0.5));
    }
}
