using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static SchedDsl.Core.Tests.Time.TimeGens;

namespace SchedDsl.Core.Tests.Time;

/// <summary>
/// The laws of re-planning a fit's length (issue 18): history bit for bit, continuity at the resume point, the identity
/// at the same length, and two re-plans from one point equal to one. Positions are the training edge's: step i of T at
/// <see cref="Positions.At"/>(i, T).
/// </summary>
public sealed class ReplanLaws
{
    [Property(MaxTest = 300)]
    public Property Stretch_keeps_every_value_before_the_resume_point_bit_for_bit() =>
        Prop.ForAll(Zip(Scalar, PlanWithHistory).ToArbitrary(), t =>
        {
            var (s, ((planned, at, total), i)) = t;
            var replanned = s.Replan(planned, at, total);
            return Bits(replanned.At(Positions.At(i, total))) == Bits(s.At(Positions.At(i, planned)));
        });

    [Property(MaxTest = 100)]
    public Property History_is_bit_for_bit_per_group_through_SchedGroups() =>
        Prop.ForAll(Zip(ThreeGroups, PlanWithHistory).ToArbitrary(), t =>
        {
            // The training edge evaluates resolved groups through SchedGroups (shared segment searches): the original fit's
            // values came that way, so the re-planned ones must too.
            var (s, ((planned, at, total), i)) = t;
            var (before, after) = (new double[3], new double[3]);
            s.ForGroups(3).At(Positions.At(i, planned), before);
            s.Replan(planned, at, total).ForGroups(3).At(Positions.At(i, total), after);
            return before.Select(Bits).SequenceEqual(after.Select(Bits));
        });

    [Property(MaxTest = 300)]
    public Property Stretch_is_continuous_at_the_resume_point_bit_for_bit_and_ends_where_the_plan_ended() =>
        Prop.ForAll(Zip(Scalar, Plan).ToArbitrary(), t =>
        {
            // At unit k the stretched rest starts exactly at the original position k/N: the value the original fit would
            // have applied next. Its end, unit M, maps to N exactly (whole units), so it ends at the schedule's end.
            var (s, (planned, at, total)) = t;
            var replanned = s.Replan(planned, at, total);
            var continuous = at == total || Bits(replanned.At(Positions.At(at, total))) == Bits(s.At(Positions.At(at, planned)));
            var ends = at == total ? Bits(replanned.At(1)) == Bits(s.At(Positions.At(at, planned))) : Bits(replanned.At(1)) == Bits(s.At(1));
            return continuous && ends;
        });

    [Property(MaxTest = 200)]
    public Property Replanning_to_the_same_length_is_the_identity() =>
        Prop.ForAll(Zip(Scalar, Plan).ToArbitrary(), t =>
        {
            var (s, (planned, at, _)) = t;
            return ReferenceEquals(s, s.Replan(planned, at, planned));
        });

    [Property(MaxTest = 200)]
    public Property Extending_twice_from_one_point_is_one_extension_to_the_final_length() =>
        Prop.ForAll(Zip(Scalar, Zip(Plan, Gen.Choose(1, 5000))).ToArbitrary(), t =>
        {
            // Both maps are linear from k, so their composition is the one map to M2: the factory builds that one, so the
            // law holds bit for bit (and the checkpointed text does not grow with every resume).
            var (s, ((planned, at, total), extra)) = t;
            var final = total + extra;
            var twice = s.Replan(planned, at, total).Replan(total, at, final);
            var once = s.Replan(planned, at, final);
            return twice == once && twice.ToString() == once.ToString();
        });

    [Property(MaxTest = 200)]
    public Property A_second_resume_later_keeps_the_first_re_plans_history_bit_for_bit() =>
        Prop.ForAll(Zip(Scalar, Zip(Plan, Zip(Gen.Choose(0, 1_000_000), Gen.Choose(1, 5000)))).ToArbitrary(), t =>
        {
            // Resumed at k1, then again at k2 >= k1 of the re-planned fit: every step before k2 is what the first re-planned
            // fit applied (its own history up to k1 included), bit for bit.
            var (s, ((planned, at, total), (pick, extra))) = t;
            var second = at + (pick % (total - at + 1));
            var first = s.Replan(planned, at, total);
            var again = first.Replan(total, second, total + extra);
            return Enumerable.Range(0, second).Where(i => i % Math.Max(1, second / 50) == 0 || i == second - 1)
                .All(i => Bits(again.At(Positions.At(i, total + extra))) == Bits(first.At(Positions.At(i, total))));
        });

    [Property(MaxTest = 200)]
    public Property Hold_then_decay_keeps_history_bit_for_bit_and_the_decay_length_in_units() =>
        Prop.ForAll(Zip(WsdPlans, Gen.Choose(0, 1_000_000)).ToArbitrary(), t =>
        {
            var ((s, warmupPct, decayPct, planned, at, total), pick) = t;
            var held = s.Replan(planned, at, total, ReplanPolicy.HoldThenDecay);
            var i = at == 0 ? 0 : pick % at;
            var history = at == 0 || Bits(held.At(Positions.At(i, total))) == Bits(s.At(Positions.At(i, planned)));
            // Unit `at` itself: exact in the stable phase, a few ulps inside the warmup (its position is re-derived from
            // warmup units over the new total).
            var atK = Math.Abs(held.At(Positions.At(at, total)) - s.At(Positions.At(at, planned))) <= 1e-12 * Math.Max(1, Math.Abs(s.At(0.5)));
            // The decay is as long in units as planned: the value d units before the end is the original's, within the
            // rounding of positions re-derived from units.
            var decay = (int)Math.Floor(decayPct * planned);
            var fromEnd = decay / 2;
            var sameDecay = Math.Abs(held.At(Positions.At(total - fromEnd, total)) - s.At(Positions.At(planned - fromEnd, planned))) <= 1e-9;
            return history && atK && sameDecay;
        });

    /// <summary>wsd or wsd_linear (lr 1) with a plan whose resume point is before the decay and a new total that fits it.</summary>
    private static readonly Gen<(Sched Sched, double WarmupPct, double DecayPct, int Planned, int At, int Total)> WsdPlans =
        from warmup in Gen.Choose(0, 400).Select(w => w / 1000.0)
        from decay in Gen.Choose(0, 500).Select(d => d / 1000.0)
        from linear in Gen.Elements(true, false)
        from planned in Gen.Choose(10, 5000)
        let decayUnits = decay * planned
        from at in Gen.Choose(0, (int)Math.Floor(planned - decayUnits))
        let needed = (int)Math.Ceiling(Math.Max(at, warmup * planned) + decayUnits)
        from total in Gen.Choose(Math.Max(1, needed), 3 * planned)
        select ((linear ? Sched.WsdLinear(1, warmup, decay, 0.01) : Sched.Wsd(1, warmup, decay, 0.01)), warmup, decay, planned, at, total);
}
