using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SchedDsl.Core.Tests.Laws;
using Xunit;

namespace SchedDsl.Core.Tests.Groups;

public sealed class SchedGroupsTests
{
    private static readonly Sched[] Shapes =
    [
        Sched.OneCycle(Hyper.Slice(1e-4, 1e-2)),
        Sched.FlatCos(Hyper.Of(1e-3, 2e-3, 3e-3)),
        Sched.Sgdr(Hyper.Slice(1e-2), 3),
        Sched.CombineScheds([0.5, 0.5], [Sched.Lin(Hyper.Of(0, 1, 2), 3), Sched.Poly(3, 0, 2)]),
        Sched.Cos(0.1, 0.01),
    ];

    [Property(MaxTest = 100)]
    public Property Evaluating_together_equals_evaluating_each_group() =>
        Prop.ForAll(LawGens.Zip(Gen.Elements(Shapes), LawGens.Pos).ToArbitrary(), t =>
        {
            var (sched, pos) = t;
            var groups = sched.ForGroups(3);
            var together = new double[3];
            groups.At(pos, together);
            // Same formula on the same doubles in both paths: exact equality is expected.
            return Enumerable.Range(0, 3).All(g => together[g] == sched.ForGroup(g, 3).At(pos));
        });

    [Property(MaxTest = 100)]
    public Property A_list_evaluated_together_equals_each_schedule_alone() =>
        Prop.ForAll(LawGens.Zip(Gen.Elements(Shapes).ArrayOf(), LawGens.Pos).ToArbitrary(), t =>
        {
            // Mixed shapes, a momentum that shares one-cycle's shape, and schedules that share none (cos, custom).
            var sqrt = Sched.Annealer("sqrt", (start, end, pos) => start + ((end - start) * Math.Sqrt(pos))).Create(0, 1);
            var scheds = t.Item1.SelectMany(s => s.ForGroups(3))
                .Concat([Sched.OneCycleMomentum(), sqrt.Then(0.5, Sched.Cos(1, 0)), Sched.Const(2)]).ToArray();
            var together = new double[scheds.Length];
            new SchedGroups(scheds).At(t.Item2, together);
            // Bits: a shared shape runs the same operations on the same doubles as each schedule's own At.
            return scheds.Select((s, i) => BitConverter.DoubleToInt64Bits(s.At(t.Item2)) == BitConverter.DoubleToInt64Bits(together[i])).All(x => x);
        });

    [Fact]
    public void A_list_must_hold_scalar_schedules()
    {
        var error = Assert.Throws<ArgumentException>(() => new SchedGroups([Sched.OneCycle(Hyper.Slice(1e-3))]));
        Assert.StartsWith("scheds[0] (one_cycle(slice(0.001))) has per-group values", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Values_span_must_have_one_slot_per_group()
    {
        var groups = Sched.OneCycle(Hyper.Slice(1e-3)).ForGroups(2);
        var error = Assert.Throws<ArgumentException>(() => groups.At(0.5, new double[3]));
        Assert.StartsWith("values has length 3 but there are 2 groups", error.Message, StringComparison.Ordinal);
    }

    // Issue 22, item 3: an IReadOnlyList indexer throws ArgumentOutOfRangeException, as List<T>'s does, not the
    // IndexOutOfRangeException of the array behind it.
    [Theory]
    [InlineData(3)]
    [InlineData(-1)]
    [InlineData(int.MaxValue)]
    public void The_indexer_rejects_a_group_out_of_range_as_an_argument(int group)
    {
        var groups = Sched.Cos(Hyper.Of(1, 2, 3), 0).ForGroups(3);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => groups[group]);
        Assert.Equal("group", error.ParamName);
        Assert.StartsWith($"group must be in [0, 2], got {group}", error.Message, StringComparison.Ordinal);
        Assert.Equal(Sched.Cos(3, 0), groups[2]);
    }
}
