using System.Text.Json.Nodes;
using SchedDsl.Core.Tests.Reference;
using Xunit;

namespace SchedDsl.Core.Tests.Zoo;

/// <summary>
/// The zoo against Hugging Face transformers' lr lambdas wrapped in a real PyTorch LambdaLR (tests/reference/hf_optax.json):
/// two groups with base lrs 1e-3 and 5e-4, steps 0…109 with <c>num_training_steps = 100</c>. Every group is replayed;
/// tolerance <see cref="ZooReplay.OfPeak"/> (same formulas in double). Past step 100 HF's lambdas hold their final
/// value (compared at <c>pos = 1</c>) except the cosine, which rises again (compared up to step 100 only; docs/zoo.md).
/// </summary>
public sealed class HfZooTests
{
    private static readonly JsonNode Hf = ReferenceData.Load("hf_optax.json")["hf"]!;

    private static readonly Hyper Lrs = Hyper.Of(1e-3, 5e-4);

    [Fact]
    public void Cosine_with_warmup_is_warmup_cosine_up_to_the_last_training_step()
    {
        var lr = Hf["cosine_with_warmup"]!["lr"];
        ZooReplay.Groups(Sched.WarmupCosine(Lrs, 0.1), lr, ZooReplay.Over(100), Enumerable.Range(0, 101));
        // The documented deviation: HF's cosine (no clamp) climbs back after num_training_steps; we end at 0.
        var factor = ReferenceData.Doubles(Hf["cosine_with_warmup"]!["factor"]);
        Assert.True(factor[109] > 1e-3, "HF's cosine rises past num_training_steps");
        Assert.Equal(0, Sched.WarmupCosine(Lrs, 0.1).ForGroup(0, 2).At(1));
    }

    [Fact]
    public void Linear_with_warmup_is_warmup_linear() =>
        ZooReplay.Groups(Sched.WarmupLinear(Lrs, 0.1), Hf["linear_with_warmup"]!["lr"], ZooReplay.Clamped(100));

    [Theory]
    [InlineData("polynomial_decay_power1", 1.0)]
    [InlineData("polynomial_decay_power2", 2.0)]
    public void Polynomial_decay_is_poly_decay_with_lr_end_over_the_default_lr(string name, double power) =>
        // lr_end=1e-7 is divided by optimizer.defaults['lr'] = 1e-3 for both groups: group 1 ends at 5e-4 * 1e-4.
        ZooReplay.Groups(Sched.PolyDecay(Lrs, power, 1e-7 / 1e-3, 0.1), Hf[name]!["lr"], ZooReplay.Clamped(100));

    [Fact]
    public void Inverse_sqrt_is_inverse_sqrt_over_the_recorded_steps() =>
        // No training length in HF: take the 109 recorded steps as training; timescale defaults to the warmup.
        ZooReplay.Groups(Sched.InverseSqrt(Lrs, 10 / 109.0), Hf["inverse_sqrt"]!["lr"], ZooReplay.Over(109));

    [Fact]
    public void Wsd_cosine_is_wsd() =>
        ZooReplay.Groups(Sched.Wsd(Lrs, 0.1, 0.3), Hf["wsd_cosine"]!["lr"], ZooReplay.Clamped(100));

    [Fact]
    public void Wsd_linear_is_wsd_linear() =>
        ZooReplay.Groups(Sched.WsdLinear(Lrs, 0.1, 0.3), Hf["wsd_linear"]!["lr"], ZooReplay.Clamped(100));

    /// <summary>
    /// Two HF schedules not in hf_optax.json, against their lr_lambda ported by hand from transformers'
    /// optimization.py (float64 Python arithmetic, as here): <c>get_constant_schedule_with_warmup</c> and
    /// <c>get_cosine_with_min_lr_schedule_with_warmup(min_lr_rate)</c>, W = 10, T = 100, two groups.
    /// </summary>
    [Fact]
    public void Constant_with_warmup_and_cosine_with_min_lr_match_their_lambdas()
    {
        static double Constant(int step) => step < 10 ? step / 10.0 : 1.0;
        static double CosineMinLr(int step)
        {
            if (step < 10)
            {
                return step / 10.0;
            }
            var progress = (step - 10) / 90.0;
            var factor = 0.5 * (1.0 + Math.Cos(Math.PI * 2.0 * 0.5 * progress));
            return Math.Max(0, (factor * (1 - 0.1)) + 0.1);
        }
        var lrs = new[] { 1e-3, 5e-4 };
        var constant = Sched.WsdLinear(Hyper.Of(lrs), 0.1, 0);
        var cosine = Sched.WarmupCosine(Hyper.Of(lrs), 0.1, endRatio: 0.1);
        for (var g = 0; g < 2; g++)
        {
            ZooReplay.Curve(constant.ForGroup(g, 2), [.. Enumerable.Range(0, 101).Select(k => lrs[g] * Constant(k))], ZooReplay.Over(100), null, ZooReplay.OfPeak, $"constant group {g}");
            ZooReplay.Curve(cosine.ForGroup(g, 2), [.. Enumerable.Range(0, 101).Select(k => lrs[g] * CosineMinLr(k))], ZooReplay.Over(100), null, ZooReplay.OfPeak, $"cosine_min_lr group {g}");
        }
    }

    [Fact]
    public void Cosine_with_hard_restarts_is_cosine_restarts() =>
        ZooReplay.Groups(Sched.CosineRestarts(Lrs, 3, 0.1), Hf["cosine_hard_restarts_3"]!["lr"], ZooReplay.Clamped(100));
}
