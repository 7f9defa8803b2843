using Xunit;

namespace SchedDsl.Core.Tests.Presets;

/// <summary>Evaluation allocates nothing (a count of bytes, not a timing: speed lives in benchmarks/).</summary>
public sealed class AllocationTests
{
    public static TheoryData<string> Schedules() => ["cos", "one_cycle", "sgdr", "custom", "groups", "replan", "replan_hold_then_decay", "branch_sqrt"];

    [Theory]
    [MemberData(nameof(Schedules))]
    public void Evaluating_allocates_nothing(string name)
    {
        var sqrt = Sched.Annealer("sqrt", (start, end, pos) => start + ((end - start) * Math.Sqrt(pos)));
        Sched sched = name switch
        {
            "cos" => Sched.Cos(1, 0),
            "one_cycle" => Sched.OneCycle(1e-2),
            "sgdr" => Sched.Sgdr(1e-2, 4),
            "custom" => sqrt.Create(0, 1).Then(0.5, Sched.Poly(1, 0, 2)),
            "replan" => Sched.OneCycle(1e-2).Replan(1000, 400, 1500).Replan(1500, 900, 2000),
            "replan_hold_then_decay" => Sched.Wsd(1e-2, 0.1, 0.2).Replan(1000, 400, 1500, ReplanPolicy.HoldThenDecay),
            "branch_sqrt" => Sched.OneCycle(1e-2).Branch(1000, 400, 300, CooldownShape.Sqrt),
            _ => Sched.Const(0),
        };
        var groups = Sched.OneCycle(Hyper.Slice(1e-4, 1e-2)).ForGroups(3);
        var values = new double[3];
        Evaluate(sched, groups, values); // JIT and statics first.

        var before = GC.GetAllocatedBytesForCurrentThread();
        var sum = Evaluate(sched, groups, values);
        var allocated = GC.GetAllocatedBytesForCurrentThread() - before;

        Assert.True(double.IsFinite(sum));
        Assert.Equal(0, allocated);
    }

    private static double Evaluate(Sched sched, SchedGroups groups, double[] values)
    {
        var sum = 0.0;
        for (var i = 0; i < 1000; i++)
        {
            var pos = i / 1000.0;
            sum += sched.At(pos);
            groups.At(pos, values);
            sum += values[0];
        }
        return sum;
    }
}
