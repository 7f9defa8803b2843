using System.Text.Json.Nodes;
using SchedDsl.Core.Tests.Reference;
using Xunit;

namespace SchedDsl.Core.Tests.Zoo;

/// <summary>
/// The shapes and transformers of issue 19, and the zoo functions that were checked only against ports, against
/// tests/reference/shapes.json (made by tests/reference/shapes.py). Each test names its case's origin: real PyTorch
/// 1.13 runs, or float64 transcriptions of timm, DeepSpeed, Optax and Hugging Face source at a cited commit. Every
/// curve is held to <see cref="ZooReplay.OfPeak"/>: both sides compute the same formula in double.
/// </summary>
public sealed class ShapesReferenceTests
{
    private static readonly JsonNode Cases = ReferenceData.Load("shapes.json")["cases"]!;

    /// <summary>Real PyTorch: <c>lr[g][k]</c> before the k-th step.</summary>
    private static void Torch(Sched sched, string name, Func<int, double> position) =>
        ZooReplay.Groups(sched, Cases[name]!["lr"], position);

    /// <summary>A transcription: <c>value[g][k]</c>.</summary>
    private static void Port(Sched sched, string name, Func<int, double> position) =>
        ZooReplay.Groups(sched, Cases[name]!["value"], position);

    // ---- multiply: real PyTorch ChainedScheduler ----

    [Fact]
    public void Multiply_is_chained_scheduler_of_constant_and_exponential() =>
        // Real torch 1.13 ChainedScheduler([ConstantLR(factor=0.5, total_iters=10), ExponentialLR(0.97)]), 60 steps.
        Torch(
            Sched.Multiply(Sched.ExponentialDecay(Hyper.Of(0.1, 0.01), 0.97, 1 / 60.0), Sched.PiecewiseConstant(0.5, [10 / 60.0], [2])),
            "chained_constant_exponential",
            ZooReplay.Over(60));

    [Fact]
    public void Times_is_chained_scheduler_of_linear_warmup_and_step() =>
        // Real torch 1.13 ChainedScheduler([LinearLR(start_factor=0.25, total_iters=8), StepLR(15, 0.5)]), 60 steps.
        Torch(
            Sched.WsdLinear(1, 8 / 60.0, 0, 0.25).Times(Sched.ExponentialDecay(Hyper.Of(0.1, 0.01), 0.5, 15 / 60.0).Stairs(4)),
            "chained_linear_step",
            ZooReplay.Over(60));

    // ---- staircase: real PyTorch StepLR, DeepSpeed LRRangeTest port ----

    [Fact]
    public void Staircase_of_exponential_decay_is_step_lr() =>
        // Real torch 1.13 StepLR(step_size=7, gamma=0.8), 70 steps: 10 stairs of ExponentialLR's curve.
        Torch(Sched.Staircase(Sched.ExponentialDecay(Hyper.Of(0.1, 0.01), 0.8, 7 / 70.0), 10), "step_as_staircase", ZooReplay.Over(70));

    [Fact]
    public void Staircase_of_lin_is_deepspeed_range_test_staircase() =>
        // float64 port of DeepSpeed lr_schedules.py@22779f2c LRRangeTest(min_lr=[1e-4, 1e-5], step_size=10,
        // step_rate=0.5, staircase=True): min_lr*(1 + 0.5*floor(k/10)) over 60 steps is lin to min_lr*(1 + 0.5*6) in 6 stairs.
        Port(Sched.Staircase(Sched.Lin(Hyper.Of(1e-4, 1e-5), Hyper.Of(4e-4, 4e-5)), 6), "deepspeed_range_test_staircase", ZooReplay.Over(60));

    // ---- noise: transcription of our counter-based generator, and timm's _add_noise with it ----

    [Fact]
    public void Noise_draws_the_transcribed_values_for_every_step()
    {
        // tests/reference/shapes.py transcribes TruncatedNoise.At; three bounds cover both samplers (a = pct/std <= 1 and > 1).
        foreach (var name in new[] { "noise_seed42", "noise_narrow", "noise_wide" })
        {
            var node = Cases[name]!;
            var expected = ReferenceData.Doubles(node["noise"]);
            double pct = (double)node["pct"]!, std = (double)node["std"]!;
            var seed = (ulong)(int)node["seed"]!;
            for (var t = 0; t < expected.Length; t++)
            {
                // Same operations in the same order in both languages: equal to the last bit.
                Assert.Equal(expected[t], TruncatedNoise.At(seed, t, pct, std));
            }
        }
    }

    [Fact]
    public void SplitMix64_reproduces_its_published_outputs()
    {
        // splitmix64.c (Vigna) seeded with 1234567: the published first five outputs, checked by shapes.py too.
        var outputs = Cases["splitmix64"]!["outputs"]!.AsArray().Select(n => ulong.Parse((string)n!)).ToArray();
        for (var n = 0; n < outputs.Length; n++)
        {
            Assert.Equal(outputs[n], TruncatedNoise.SplitMix64(1234567, (ulong)n));
        }
    }

    [Fact]
    public void Noise_over_timm_cosine_is_timms_add_noise_with_our_generator() =>
        // float64 port of timm cosine_lr.py@16664ea3 + scheduler.py@12d9a6d4 _add_noise(noise_range_t=(10, 90)),
        // TruncatedNoise in place of torch.randn; 100 updates.
        Port(
            Sched.Noise(Sched.TimmCosine(Hyper.Of(0.1, 0.01), 1, lrMin: 1e-4), 100, 0.1, 0.9, 0.67, 1, 42),
            "timm_cosine_noise",
            ZooReplay.Over(100));

    // ---- timm ----

    [Fact]
    public void Timm_cosine_with_k_decay_cycle_limit_and_warmup() =>
        // float64 port of timm cosine_lr.py@16664ea3: t_initial=30, lr_min=1e-5, cycle_decay=0.5, cycle_limit=2,
        // warmup_t=5, warmup_lr_init=1e-6, k_decay=2; t = 0..100 (lr_min held after two cycles).
        Port(
            Sched.TimmCosine(Hyper.Of(0.1, 0.01), 0.3, 1e-5, cycleDecay: 0.5, cycleLimit: 2, warmupPct: 0.05, warmupLrInit: 1e-6, kDecay: 2),
            "timm_cosine_k_limit",
            ZooReplay.Over(100));

    [Fact]
    public void Timm_cosine_with_cycle_mul() =>
        // float64 port of timm cosine_lr.py@16664ea3: t_initial=10, lr_min=1e-3, cycle_mul=2, cycle_decay=0.7, cycle_limit=3.
        Port(Sched.TimmCosine(Hyper.Of(0.1, 0.01), 0.1, 1e-3, 2, 0.7, 3), "timm_cosine_mul", ZooReplay.Over(100));

    [Fact]
    public void Timm_cosine_with_k_decay_below_one() =>
        // float64 port of timm cosine_lr.py@16664ea3: t_initial=50, k_decay=0.5, cycle_limit=3 (two cycles fit in 100).
        Port(Sched.TimmCosine(Hyper.Of(0.1, 0.01), 0.5, cycleLimit: 3, kDecay: 0.5), "timm_cosine_k_half", ZooReplay.Over(100));

    [Fact]
    public void Timm_tanh_with_warmup_to_the_curve_and_cycle_limit() =>
        // float64 port of timm tanh_lr.py@0d4c04f3: t_initial=40, lb=-7, ub=3, lr_min=1e-4, cycle_decay=0.5,
        // cycle_limit=2, warmup_t=5, warmup_lr_init=1e-5.
        Port(
            Sched.TimmTanh(Hyper.Of(0.1, 0.01), 0.4, lrMin: 1e-4, cycleDecay: 0.5, cycleLimit: 2, warmupPct: 0.05, warmupLrInit: 1e-5),
            "timm_tanh",
            ZooReplay.Over(100));

    [Fact]
    public void Timm_tanh_with_cycle_mul() =>
        // float64 port of timm tanh_lr.py@0d4c04f3: t_initial=20, lb=-6, ub=4, cycle_mul=1.5, cycle_limit=3.
        Port(Sched.TimmTanh(Hyper.Of(0.1, 0.01), 0.2, -6, 4, cycleMul: 1.5, cycleLimit: 3), "timm_tanh_mul", ZooReplay.Over(100));

    // ---- log warmup, 1-sqrt wsd, piecewise_interpolate ----

    [Fact]
    public void Warmup_log_is_deepspeed_warmup_lr() =>
        // float64 port of DeepSpeed lr_schedules.py@22779f2c WarmupLR(min=[1e-5, 5e-6], max=[1e-3, 5e-4],
        // warmup_num_steps=20, 'log') at last_batch_iteration i = 0..60: ln(i+1)/ln(20) reaches 1 at i = 19, so
        // warmup_pct = 19/60, at pos = i/60.
        Port(Sched.WarmupLog(Hyper.Of(1e-3, 5e-4), 19 / 60.0, 20, 0.01), "deepspeed_warmup_log", ZooReplay.Over(60));

    [Fact]
    public void Wsd_sqrt_is_hf_wsd_with_1_sqrt_decay() =>
        // HF optimization.py@005edacb _get_wsd_scheduler_lambda(decay_type='1-sqrt', min_lr_ratio=0.1) in a real
        // torch 1.13 LambdaLR; W=10, S=60, D=30, steps 0..109 (HF holds min_lr_ratio after T = 100, as At(1)).
        Torch(Sched.WsdSqrt(Hyper.Of(1e-3, 5e-4), 0.1, 0.3, 0.1), "hf_wsd_1_sqrt", ZooReplay.Clamped(100));

    [Theory]
    [InlineData("linear")]
    [InlineData("cosine")]
    public void Piecewise_interpolate_is_optax_piecewise_interpolate_schedule(string kind)
    {
        // float64 port of optax _schedule.py@006cebd2: init 1e-3, {10: 10, 40: 0.05, 90: 0.2}, counts 0..120.
        double[] boundaries = [10 / 120.0, 40 / 120.0, 90 / 120.0], scales = [10, 0.05, 0.2];
        var sched = kind == "linear"
            ? Sched.PiecewiseInterpolateLinear(1e-3, boundaries, scales)
            : Sched.PiecewiseInterpolateCosine(1e-3, boundaries, scales);
        Port(sched, $"optax_piecewise_interpolate_{kind}", ZooReplay.Over(120));
    }

    // ---- item 3: the zoo functions checked only against ports, now against real PyTorch ----

    [Fact]
    public void Piecewise_constant_is_chained_multi_step_lrs() =>
        // Real torch 1.13 ChainedScheduler of MultiStepLR([20], 0.1), ([50], 0.5), ([80], 0.1); steps 0..120.
        Torch(Sched.PiecewiseConstant(Hyper.Of(1e-3, 5e-4), [20 / 120.0, 50 / 120.0, 80 / 120.0], [0.1, 0.5, 0.1]), "piecewise_constant_chained", ZooReplay.Over(120));

    [Fact]
    public void Exponential_decay_with_begin_is_constant_then_exponential_lr() =>
        // Real torch 1.13 SequentialLR([ConstantLR(1.0, 5), ExponentialLR(0.5**0.1)], [5]) = Optax
        // exponential_decay(transition_steps=10, decay_rate=0.5, transition_begin=5); steps 0..120.
        Torch(Sched.ExponentialDecay(Hyper.Of(1e-3, 5e-4), 0.5, 10 / 120.0, 5 / 120.0), "exponential_sequential", ZooReplay.Over(120));

    [Fact]
    public void Exponential_decay_staircase_with_begin_is_constant_then_step_lr() =>
        // Real torch 1.13 SequentialLR([ConstantLR(1.0, 5), StepLR(10, 0.5)], [5]) = Optax staircase=True.
        Torch(Sched.ExponentialDecayStaircase(Hyper.Of(1e-3, 5e-4), 0.5, 10 / 120.0, 5 / 120.0), "exponential_staircase_sequential", ZooReplay.Over(120));

    [Fact]
    public void Wsd_is_linear_constant_cosine_annealing_in_sequence() =>
        // Real torch 1.13 SequentialLR([LinearLR(0.1, 1, 10), ConstantLR(1.0, 1), CosineAnnealingLR(30, eta_min=1e-4)],
        // [10, 70]): wsd with min_lr_ratio 0.1 (one group: eta_min is absolute); steps 0..100.
        Torch(Sched.Wsd(1e-3, 0.1, 0.3, 0.1), "wsd_sequential", ZooReplay.Over(100));

    [Fact]
    public void Wsd_linear_is_linear_constant_linear_in_sequence() =>
        // Real torch 1.13 SequentialLR([LinearLR(0.1, 1, 10), ConstantLR(1.0, 1), LinearLR(1, 0.1, 30)], [10, 70]).
        Torch(Sched.WsdLinear(Hyper.Of(1e-3, 5e-4), 0.1, 0.3, 0.1), "wsd_linear_sequential", ZooReplay.Over(100));

    [Fact]
    public void Cosine_restarts_is_cosine_annealing_warm_restarts() =>
        // Real torch 1.13 CosineAnnealingWarmRestarts(T_0=25, T_mult=1, eta_min=0), steps 0..99: 4 cycles.
        Torch(Sched.CosineRestarts(Hyper.Of(1e-3, 5e-4), 4), "cosine_restarts_warm_restarts", ZooReplay.Over(100));

    [Fact]
    public void Cosine_restarts_with_warmup_is_lambda_warmup_then_warm_restarts() =>
        // Real torch 1.13 SequentialLR([LambdaLR(k/10), CosineAnnealingWarmRestarts(T_0=30)], [10]), steps 0..99.
        Torch(Sched.CosineRestarts(Hyper.Of(1e-3, 5e-4), 3, 0.1), "cosine_restarts_warmup_sequential", ZooReplay.Over(100));
}
