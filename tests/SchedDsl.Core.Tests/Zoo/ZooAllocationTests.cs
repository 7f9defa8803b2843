using Xunit;

namespace SchedDsl.Core.Tests.Zoo;

/// <summary>Evaluating a zoo schedule allocates nothing, the new parts (repeat, reverse, rsqrt) included.</summary>
public sealed class ZooAllocationTests
{
    public static TheoryData<string> Printed() =>
    [
        "warmup_cosine(1e-3, 0.1)", "wsd(1e-3, 0.1, 0.3)", "one_cycle_3phase(0.01)", "cyclic(1e-3, 6e-3, 3, cycle_decay=0.5, gamma=0.9)",
        "cyclic_momentum(0.8, 0.9, 2.5)", "step_decay(0.1, 0.1)", "multi_step(0.1, [0.3, 0.6])", "exponential_decay(0.1, 0.5, 0.1, end_ratio=0.01)",
        "poly_decay(0.1, power=2, warmup_pct=0.1)", "inverse_sqrt(1e-3, 0.1)", "cosine_restarts(1e-3, cycles=3, warmup_pct=0.1)", "sgdr_decay(0.1, 3, decay=0.5)",
        "wsd_sqrt(1e-3, 0.1, 0.3)", "warmup_log(1e-3, 0.1, 100)", "piecewise_interpolate_cosine(1e-3, [0.2, 0.5], [10, 0.01])",
        "timm_cosine(0.1, 0.3, cycle_mul=2, cycle_limit=3, warmup_pct=0.05, k_decay=2)", "timm_tanh(0.1, 0.25, cycle_limit=3)",
        "staircase(one_cycle(0.01), 10)", "multiply([cos(1, 0.1), warmup_linear(0.1, 0.1)])", "noise(timm_cosine(0.1, 1), 1000, noise_range_start=0.1)",
    ];

    [Theory]
    [MemberData(nameof(Printed))]
    public void Evaluating_allocates_nothing(string text)
    {
        var sched = Sched.Parse(text);
        Evaluate(sched); // JIT and statics first.
        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = Evaluate(sched);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(double.IsFinite(sum));
        Assert.Equal(0, allocated);
    }

    private static double Evaluate(Sched sched)
    {
        var sum = 0.0;
        for (var i = 0; i <= 1000; i++)
        {
            sum += sched.At(i / 1000.0);
        }
        return sum;
    }
}
