using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SchedDsl.Core.Tests.Laws;

/// <summary>Continuity at joins, endpoint values and resume equivalence for the composites.</summary>
public sealed class CompositionLaws
{
    private static readonly Gen<(double Pct, double Start, double Middle, double End)> CombinedCosArgs =
        LawGens.Zip(LawGens.InnerFraction, LawGens.Value, LawGens.Value, LawGens.Value)
            .Select(t => (t.Item1, t.Item2, t.Item3, t.Item4));

    [Property(MaxTest = 200)]
    public Property Combined_cos_is_continuous_at_its_join() =>
        Prop.ForAll(CombinedCosArgs.ToArbitrary(), a =>
        {
            var s = Sched.CombinedCos(a.Pct, a.Start, a.Middle, a.End);
            // Approach the join from the left: cos has slope <= pi/2 * |range| / pct, so 1e-9 to the left moves the
            // value by at most ~2e-3 * range / pct on our ranges; 1e-6 relative is a generous bound for continuity.
            var left = s.At(a.Pct - 1e-12);
            var atJoin = s.At(a.Pct);
            var scale = Math.Max(1, Math.Abs(a.Start) + Math.Abs(a.Middle) + Math.Abs(a.End));
            return Math.Abs(atJoin - a.Middle) <= 1e-12 * scale && Math.Abs(left - atJoin) <= 1e-6 * scale;
        });

    [Property(MaxTest = 200)]
    public Property One_cycle_hits_its_three_anchor_values() =>
        Prop.ForAll(LawGens.Zip(LawGens.Positive, LawGens.InnerFraction).ToArbitrary(), t =>
        {
            var (lrMax, pct) = t;
            var s = Sched.OneCycle(lrMax, pctStart: pct);
            // Relative to lr_max: the cosine's end value start + (end-start) cancels down to lr_max/1e5 and keeps
            // lr_max's absolute rounding (fastai's formula does the same).
            bool Close(double a, double b) => Math.Abs(a - b) <= 1e-12 * lrMax;
            return Close(s.At(0), lrMax / 25) && Close(s.At(pct), lrMax) && Close(s.At(1), lrMax / 1e5);
        });

    [Property(MaxTest = 100)]
    public Property Then_chains_equal_combine_with_differences_of_joins() =>
        Prop.ForAll(LawGens.Zip(LawGens.InnerFraction, LawGens.InnerFraction, LawGens.Pos).ToArbitrary(), t =>
        {
            var (j1, j2, pos) = (Math.Min(t.Item1, t.Item2), Math.Max(t.Item1, t.Item2), t.Item3);
            if (j2 - j1 < 1e-3)
            {
                return true;
            }
            var (a, b, c) = (Sched.Lin(0, 1), Sched.Cos(1, 3), Sched.Exp(3, 9));
            var chained = a.Then(j1, b).Then(j2, c);
            var combined = Sched.CombineScheds([j1, j2 - j1, 1 - j2], [a, b, c]);
            return Math.Abs(chained.At(pos) - combined.At(pos)) <= 1e-9;
        });

    [Property(MaxTest = 100)]
    public Property Evaluation_resumed_from_any_step_equals_one_uninterrupted_run() =>
        Prop.ForAll(LawGens.Zip(Gen.Choose(1, 300), Gen.Choose(0, 300), LawGens.Zip(LawGens.Positive, LawGens.InnerFraction)).ToArbitrary(), t =>
        {
            var (total, splitRaw, (lr, pct)) = t;
            var split = splitRaw % total;
            var uninterrupted = Sched.OneCycle(lr, pctStart: pct).Sample(total);
            // A resumed run has only what a checkpoint keeps: the schedule's text form, the step index and the total.
            // It rebuilds the schedule from the text and recomputes each position from the step: bit for bit the same.
            var resumed = Sched.Parse(Sched.OneCycle(lr, pctStart: pct).ToString());
            for (var i = split; i < total; i++)
            {
                var value = resumed.At(Positions.At(i, total));
                if (BitConverter.DoubleToInt64Bits(value) != BitConverter.DoubleToInt64Bits(uninterrupted[i]))
                {
                    return false.Label($"{resumed} at step {i} of {total} (resumed at {split}): {value:R}, uninterrupted {uninterrupted[i]:R}");
                }
            }
            return true.Label("bit-identical");
        });

    [Property(MaxTest = 100)]
    public Property Sgdr_restarts_at_lr_max_and_ends_each_cycle_near_zero() =>
        Prop.ForAll(LawGens.Zip(LawGens.Positive, Gen.Choose(1, 5), Gen.Choose(1, 3)).ToArbitrary(), t =>
        {
            var (lr, cycles, mult) = t;
            var s = Sched.Sgdr(lr, cycles, 1, mult);
            var total = Sched.SgdrEpochs(cycles, 1, mult);
            var start = 0.0;
            for (var i = 0; i < cycles; i++)
            {
                var pos = start / total;
                if (Math.Abs(s.At(pos) - lr) > 1e-12 * lr)
                {
                    return false;
                }
                start += Math.Pow(mult, i);
            }
            return Math.Abs(s.At(1)) <= 1e-12 * lr;
        });
}
