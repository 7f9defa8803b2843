using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using static SchedDsl.Core.Tests.Laws.LawGens;

namespace SchedDsl.Core.Tests.Adaptive;

/// <summary>The laws of metric-driven schedules: the fold replays bit for bit, improvement leaves a plateau alone, and stagnation reduces as PyTorch does.</summary>
public sealed class AdaptiveLaws
{
    [Property(MaxTest = 200)]
    public Property Replaying_the_recorded_metrics_reproduces_the_applied_values_bit_for_bit() =>
        Prop.ForAll(Zip(AdaptiveGens.Any, AdaptiveGens.Metrics, Gen.Choose(1, 7), Gen.Choose(1, 400)).ToArbitrary(), t =>
        {
            var (sched, metrics, every, steps) = t;
            // The "fit": apply before each step, observe one metric after every `every` steps, record both.
            var applied = new double[steps];
            var observed = new List<(double Pos, double Metric)>();
            var state = sched.Start;
            var next = 0;
            for (var i = 0; i < steps; i++)
            {
                var pos = Positions.At(i, steps);
                if (i > 0 && i % every == 0 && next < metrics.Length)
                {
                    observed.Add((pos, metrics[next]));
                    state = sched.Observe(state, pos, metrics[next++]);
                }
                applied[i] = sched.At(pos, state);
            }
            // The replay: the recorded observations folded from the start, in order.
            var replayed = observed.Aggregate(sched.Start, (s, o) => sched.Observe(s, o.Pos, o.Metric));
            var sampled = sched.Sample(steps, metrics, every);
            return replayed == state
                && applied.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(sampled.Select(BitConverter.DoubleToInt64Bits));
        });

    [Property(MaxTest = 200)]
    public Property With_an_always_improving_metric_a_plateau_is_the_identity() =>
        Prop.ForAll(Zip(AdaptiveGens.Plateau, Gen.Choose(1, 40), Pos).ToArbitrary(), t =>
        {
            var (sched, count, pos) = t;
            var rule = (PlateauRule)((RuleSched)sched).Rule;
            var inner = ((RuleSched)sched).Inner;
            // Better by far more than any generated threshold (relative 0.1, absolute 0.1), in the rule's direction.
            Func<int, double> metric = (rule.Mode, rule.ThresholdMode) switch
            {
                (PlateauMode.Min, ThresholdMode.Relative) => k => 1e3 * Math.Pow(0.5, k),
                (PlateauMode.Min, ThresholdMode.Absolute) => k => 1e3 - k,
                (PlateauMode.Max, ThresholdMode.Relative) => k => Math.Pow(2, k),
                _ => k => k,
            };
            var state = Enumerable.Range(0, count).Aggregate(sched.Start, (s, k) => sched.Observe(s, pos, metric(k)));
            return BitConverter.DoubleToInt64Bits(sched.At(pos, state)) == BitConverter.DoubleToInt64Bits(inner.At(pos))
                && state.Rules[0].Scale == 1;
        });

    [Property(MaxTest = 200)]
    public Property With_a_never_improving_metric_a_plateau_reduces_as_PyTorch_does() =>
        Prop.ForAll(Zip(AdaptiveGens.Factor, Gen.Choose(0, 5), Gen.Choose(0, 3), Gen.Choose(1, 60)).ToArbitrary(), t =>
        {
            var (factor, patience, cooldown, count) = t;
            const double baseLr = 0.1;
            var sched = AdaptiveSched.Plateau(Sched.Const(baseLr), factor, patience, cooldown: cooldown, eps: 0);
            var state = sched.Start;
            for (var k = 0; k < count; k++)
            {
                state = sched.Observe(state, 0.5, 1.0);
            }
            // PyTorch 1.13's ReduceLROnPlateau.step with a constant metric: the first observation sets the best, the
            // next patience+1 are bad and reduce; after that each reduction waits cooldown (bad epochs zeroed) plus
            // patience+1 bad epochs. tests/reference/torch_plateau.json checks the same against torch itself.
            var reductions = count < patience + 2 ? 0 : 1 + ((count - (patience + 2)) / (cooldown + patience + 1));
            var expected = baseLr;
            for (var r = 0; r < reductions; r++)
            {
                expected *= factor;
            }
            // The scale is updated as scale·new/old, one rounding per reduction beside PyTorch's lr·factor: a few ulps
            // after up to 60 reductions, so 1e-12 relative.
            var actual = sched.At(0.5, state);
            return Math.Abs(actual - expected) <= 1e-12 * expected || (expected < 1e-300 && actual < 1e-300);
        });

    [Property(MaxTest = 200)]
    public Property The_text_form_parses_back_to_an_equal_schedule() =>
        Prop.ForAll(AdaptiveGens.Any.ToArbitrary(), sched => AdaptiveSched.Parse(sched.ToString()) == sched);
}
