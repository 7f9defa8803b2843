using System.Text.Json.Nodes;
using SchedDsl.Core.Tests.Reference;
using Xunit;

namespace SchedDsl.Core.Tests.Zoo;

/// <summary>
/// The zoo against a float64 port of Optax's schedules (tests/reference/hf_optax.json), counts 0…120. The port is
/// float64, so we hold it to <see cref="ZooReplay.OfPeak"/>; real Optax computes in float32 and would need ~1e-6
/// relative. Optax has no training length: we choose <c>T</c> and map <c>pos = count/T</c>.
/// </summary>
public sealed class OptaxZooTests
{
    private static readonly JsonNode Optax = ReferenceData.Load("hf_optax.json")["optax"]!;

    private static void Expect(Sched sched, string name, Func<int, double> position) =>
        ZooReplay.Curve(sched, ReferenceData.Doubles(Optax[name]!["value"]), position, null, ZooReplay.OfPeak, name);

    [Fact]
    public void Warmup_cosine_decay_is_warmup_cosine_with_decay_steps_as_training() =>
        // decay_steps=100 includes the 10 warmup steps; Optax holds end_value after it, as At(1) does.
        Expect(Sched.WarmupCosine(1e-3, 0.1, 0, 1e-5 / 1e-3), "warmup_cosine_decay", ZooReplay.Clamped(100));

    [Fact]
    public void Exponential_decay_is_exponential_decay() =>
        Expect(Sched.ExponentialDecay(1e-3, 0.5, 10 / 120.0, 5 / 120.0), "exponential_decay", ZooReplay.Over(120));

    [Fact]
    public void Exponential_decay_staircase_with_end_value_is_the_staircase_held_at_end_ratio() =>
        Expect(
            Sched.ExponentialDecayStaircase(1e-3, 0.5, 10 / 120.0, 5 / 120.0, 1e-4 / 1e-3),
            "exponential_decay_staircase_end",
            ZooReplay.Over(120));

    [Fact]
    public void Piecewise_constant_scales_from_each_boundary_on() =>
        Expect(
            Sched.PiecewiseConstant(1e-3, [20 / 120.0, 50 / 120.0, 80 / 120.0], [0.1, 0.5, 0.1]),
            "piecewise_constant",
            ZooReplay.Over(120));
}
