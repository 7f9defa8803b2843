using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SchedDsl.Core.Tests.Laws;

namespace SchedDsl.Core.Tests.Zoo;

/// <summary>The transformers' defining equations, and the noise's purity and bound, for any schedule and position.</summary>
public sealed class ShapesLaws
{
    private static readonly Gen<Sched> Inner = Gen.Elements(
        Sched.Cos(1e-2, 1e-5), Sched.OneCycle(1e-2), Sched.WsdSqrt(1e-3, 0.1, 0.3), Sched.TimmTanh(0.1, 0.3, cycleLimit: 2), Sched.WarmupLog(1e-3, 0.2, 50));

    private static readonly Gen<int> Steps = Gen.Choose(1, 5000);

    [Property(MaxTest = 100)]
    public Property Multiply_is_the_product_of_the_values_at_every_position() =>
        Prop.ForAll(LawGens.Zip(Inner, Inner, LawGens.Pos).ToArbitrary(), t =>
        {
            var (a, b, pos) = t;
            // The same two doubles multiplied: exact.
            return Sched.Multiply(a, b).At(pos) == a.At(pos) * b.At(pos);
        });

    [Property(MaxTest = 100)]
    public Property Staircase_holds_the_value_at_the_start_of_its_stair() =>
        Prop.ForAll(LawGens.Zip(Inner, Steps, LawGens.Pos).ToArbitrary(), t =>
        {
            var (s, n, pos) = t;
            var stair = Math.Min(Math.Floor((pos * n) + RepeatSched.JoinSnapInCycles(n)), n);
            return Sched.Staircase(s, n).At(pos) == s.At(stair / n);
        });

    [Property(MaxTest = 100)]
    public Property Noise_is_pure_in_the_position_and_bounded_by_noise_pct() =>
        Prop.ForAll(LawGens.Zip(Inner, Steps, Gen.Choose(0, 1_000_000), LawGens.Pos).ToArbitrary(), t =>
        {
            var (s, n, seed, pos) = t;
            var noisy = Sched.Noise(s, n, noisePct: 0.3, noiseSeed: seed);
            var again = Sched.Parse(noisy.ToString());
            double value = noisy.At(pos), plain = s.At(pos);
            // A fresh value from the text gives the same bits (a resumed fit rebuilds it so); the factor stays in (0.7, 1.3).
            return value.Equals(again.At(pos)) && Math.Abs(value - plain) <= 0.3 * Math.Abs(plain);
        });

    [Property(MaxTest = 50)]
    public Property Timm_cycles_hold_lr_min_after_cycle_limit() =>
        Prop.ForAll(LawGens.Zip(Gen.Choose(1, 4), Gen.Choose(5, 30), LawGens.Pos).ToArbitrary(), t =>
        {
            var (limit, percent, pos) = t;
            var cycle = percent / 100.0;
            var cosine = Sched.TimmCosine(0.1, cycle, lrMin: 1e-4, cycleLimit: limit, kDecay: 1.5);
            var tanh = Sched.TimmTanh(0.1, cycle, lrMin: 1e-4, cycleLimit: limit);
            // Past the last cycle's end (with a margin above the restart snap) only lr_min is left.
            return pos < (limit * cycle) + 1e-9 || (cosine.At(pos) == 1e-4 && tanh.At(pos) == 1e-4);
        });
}
