using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static SchedDsl.Core.Tests.Time.TimeGens;

namespace SchedDsl.Core.Tests.Time;

/// <summary>Cooldown branches off a trunk: the trunk's history bit for bit, no jump where the branch leaves, the floor at its end.</summary>
public sealed class BranchLaws
{
    private static readonly Gen<CooldownShape> Shapes = Gen.Elements(CooldownShape.Linear, CooldownShape.Cosine, CooldownShape.Sqrt);

    private static readonly Gen<(int Planned, int At, int Length, double Floor, CooldownShape Shape)> Branches =
        from planned in Gen.Choose(1, 5000)
        from at in Gen.Frequency((1, Gen.Constant(0)), (1, Gen.Constant(planned)), (6, Gen.Choose(0, planned)))
        from length in Gen.Choose(1, 2000)
        from floor in Gen.Frequency((1, Gen.Constant(0.0)), (2, Laws.LawGens.Value))
        from shape in Shapes
        select (planned, at, length, floor, shape);

    [Property(MaxTest = 300)]
    public Property A_branch_keeps_the_trunks_history_bit_for_bit() =>
        Prop.ForAll(Zip(Scalar, Zip(Branches, Gen.Choose(0, 1_000_000))).ToArbitrary(), t =>
        {
            var (s, ((planned, at, length, floor, shape), pick)) = t;
            if (at == 0)
            {
                return true;
            }
            var i = pick % at;
            var branch = s.Branch(planned, at, length, shape, floor);
            return Bits(branch.At(Positions.At(i, at + length))) == Bits(s.At(Positions.At(i, planned)));
        });

    [Property(MaxTest = 300)]
    public Property A_branch_starts_at_the_trunks_value_and_ends_at_its_floor_exactly() =>
        Prop.ForAll(Zip(Scalar, Branches).ToArbitrary(), t =>
        {
            var (s, (planned, at, length, floor, shape)) = t;
            var branch = s.Branch(planned, at, length, shape, floor);
            return Bits(branch.At(Positions.At(at, at + length))) == Bits(s.At(Positions.At(at, planned)))
                && Bits(branch.At(1)) == Bits(floor);
        });

    [Property(MaxTest = 200)]
    public Property A_cooldown_falls_monotonically_from_start_to_floor() =>
        Prop.ForAll(Zip(Zip(Laws.LawGens.Value, Laws.LawGens.Value), Zip(Shapes, Zip(Laws.LawGens.Pos, Laws.LawGens.Pos))).ToArbitrary(), t =>
        {
            var ((start, floor), (shape, (p, q))) = t;
            var cooldown = Sched.Cooldown(start, shape, floor);
            var (a, b) = (Math.Min(p, q), Math.Max(p, q));
            // Towards the floor: the value at the later position is no further from the floor than at the earlier one
            // (a few ulps of slack for the cosine's rounding).
            var slack = 1e-12 * Math.Max(1, Math.Abs(start) + Math.Abs(floor));
            return Bits(cooldown.At(0)) == Bits(start) && Bits(cooldown.At(1)) == Bits(floor)
                && Math.Abs(cooldown.At(b) - floor) <= Math.Abs(cooldown.At(a) - floor) + slack;
        });
}
