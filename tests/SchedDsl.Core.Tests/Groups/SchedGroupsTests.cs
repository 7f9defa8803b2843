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
            var groups = new SchedGroups(sched, 3);
            var together = new double[3];
            groups.At(pos, together);
            // Same formula on the same doubles in both paths: exact equality is expected.
            return Enumerable.Range(0, 3).All(g => together[g] == sched.ForGroup(g, 3).At(pos));
        });

    [Fact]
    public void Values_span_must_have_one_slot_per_group()
    {
        var groups = new SchedGroups(Sched.OneCycle(Hyper.Slice(1e-3)), 2);
        var error = Assert.Throws<ArgumentException>(() => groups.At(0.5, new double[3]));
        Assert.StartsWith("values has length 3 but there are 2 groups", error.Message, StringComparison.Ordinal);
    }
}
