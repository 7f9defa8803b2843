using System.Text.Json.Nodes;
using SchedDsl.Core.Tests.Reference;
using Xunit;

namespace SchedDsl.Core.Tests.Zoo;

/// <summary>
/// The zoo against real PyTorch 1.13 <c>torch.optim.lr_scheduler</c> (tests/reference/torch_schedulers.json): value
/// <c>k</c> is the group's lr (or momentum) before the k-th <c>opt.step(); sched.step()</c>. Every group is replayed;
/// tolerance <see cref="ZooReplay.OfPeak"/> (same formulas in double, see there). Mappings: docs/zoo.md.
/// </summary>
public sealed class TorchZooTests
{
    private static readonly JsonNode Cases = Reference.ReferenceData.Load("torch_schedulers.json")["cases"]!;

    private static readonly Hyper Lrs3 = Hyper.Of(0.1, 0.01, 0.001);

    [Theory]
    [InlineData("onecycle_cos")]
    [InlineData("onecycle_cos_adam_beta1")]
    public void OneCycleLR_two_phase_is_one_cycle_on_the_step_minus_one_grid(string name)
    {
        var c = Cases[name]!;
        // PyTorch's phases end at steps pct*T-1 and T-1: pos = k/(T-1) and pct_start (25-1)/99.
        var pct = Sched.TorchPctStart(0.25, 100);
        ZooReplay.Groups(Sched.OneCycle(Hyper.Of(0.01, 0.001), 25, 25 * 1e4, pct), c["lr"], k => k / 99.0);
        ZooReplay.Groups(Sched.OneCycleMomentum(0.95, 0.85, 0.95, pct), c["momentum"], k => k / 99.0);
    }

    [Fact]
    public void OneCycleLR_three_phase_is_one_cycle_3phase()
    {
        var c = Cases["onecycle_cos_three_phase"]!;
        var pct = Sched.TorchPctStart(0.25, 100);
        ZooReplay.Groups(Sched.OneCycle3Phase(Hyper.Of(0.01, 0.001), 25, 1e4, pct), c["lr"], k => k / 99.0);
        ZooReplay.Groups(Sched.OneCycle3PhaseMomentum(0.85, 0.95, pct), c["momentum"], k => k / 99.0);
    }

    [Theory]
    [InlineData("cyclic_triangular", 1.0, 1.0)]
    [InlineData("cyclic_triangular2", 0.5, 1.0)]
    [InlineData("cyclic_exp_range", 1.0, 0.99)]
    public void CyclicLR_is_cyclic_with_momentum_opposite(string name, double cycleDecay, double torchGamma)
    {
        var c = Cases[name]!;
        // step_size_up = step_size_down = 10 over 60 steps: 3 cycles, half rising; exp_range's per-step gamma per cycle.
        var gamma = Math.Pow(torchGamma, 20);
        var lr = Sched.Cyclic(Hyper.Of(1e-3, 1e-4), Hyper.Of(6e-3, 6e-4), 3, 0.5, cycleDecay, gamma);
        var momentum = Sched.CyclicMomentum(0.8, 0.9, 3, 0.5, cycleDecay, gamma);
        ZooReplay.Groups(lr, c["lr"], ZooReplay.Over(60));
        ZooReplay.Groups(momentum, c["momentum"], ZooReplay.Over(60));
    }

    [Fact]
    public void CosineAnnealingWarmRestarts_is_sgdr_decay_without_decay()
    {
        // T_0=10, T_mult=2: cycles of 10, 20, 40 steps fill the 70 recorded.
        ZooReplay.Groups(Sched.SgdrDecay(Lrs3, 3, 2), Cases["cosine_warm_restarts"]!["lr"], ZooReplay.Over(70));
    }

    [Fact]
    public void CosineAnnealingLR_is_one_sgdr_decay_cycle() =>
        ZooReplay.Groups(Sched.SgdrDecay(Lrs3, 1, lrMin: 1e-5), Cases["cosine_annealing"]!["lr"], ZooReplay.Over(50));

    [Fact]
    public void StepLR_is_step_decay() =>
        ZooReplay.Groups(Sched.StepDecay(Lrs3, 10 / 40.0, 0.5), Cases["step"]!["lr"], ZooReplay.Over(40));

    [Fact]
    public void MultiStepLR_is_multi_step() =>
        ZooReplay.Groups(Sched.MultiStep(Lrs3, [10 / 40.0, 25 / 40.0, 35 / 40.0], 0.1), Cases["multistep"]!["lr"], ZooReplay.Over(40));

    [Fact]
    public void PolynomialLR_is_poly_decay_held_after_total_iters() =>
        // total_iters=50 of 60 recorded steps: PyTorch holds 0 after step 50, as At(1) does.
        ZooReplay.Groups(Sched.PolyDecay(Lrs3, 2), Cases["polynomial"]!["lr"], ZooReplay.Clamped(50));

    [Fact]
    public void ExponentialLR_is_exponential_decay_per_step() =>
        ZooReplay.Groups(Sched.ExponentialDecay(Lrs3, 0.95, 1 / 30.0), Cases["exponential"]!["lr"], ZooReplay.Over(30));

    [Fact]
    public void LinearLR_warmup_is_wsd_without_decay() =>
        ZooReplay.Groups(Sched.WsdLinear(Lrs3, 10 / 20.0, 0, 0.1), Cases["linear"]!["lr"], ZooReplay.Over(20));

    [Fact]
    public void SequentialLR_linear_then_cosine_is_warmup_cosine() =>
        ZooReplay.Groups(Sched.WarmupCosine(Lrs3, 10 / 100.0, startRatio: 0.1), Cases["sequential_linear_cosine"]!["lr"], ZooReplay.Over(100));

    public static TheoryData<string> EndingCases() =>
        ["cosine_annealing", "multistep", "exponential", "linear", "sequential_linear_cosine", "polynomial", "cyclic_triangular", "cyclic_triangular2", "cyclic_exp_range"];

    /// <summary>The lr after the last recorded step (step T) is <c>At(1)</c>, for every group, where the schedule ends at T.</summary>
    [Theory]
    [MemberData(nameof(EndingCases))]
    public void The_lr_after_the_last_step_is_the_value_at_pos_1(string name)
    {
        var sched = EndingSched(name);
        var after = ReferenceData.Doubles(Cases[name]!["lr_after_last_step"]);
        var curves = Cases[name]!["lr"]!.AsArray().Select(ReferenceData.Doubles).ToArray();
        for (var g = 0; g < after.Length; g++)
        {
            // Same tolerance as the curves: ZooReplay.OfPeak of the group's recorded peak.
            var actual = sched.ForGroup(g, after.Length).At(1);
            Assert.True(Math.Abs(actual - after[g]) <= ZooReplay.OfPeak * curves[g].Max(Math.Abs), $"{name} group {g}: At(1) = {actual:R}, PyTorch {after[g]:R}");
        }
    }

    [Fact]
    public void At_pos_1_is_the_last_stair_or_cycle_where_PyTorch_has_already_moved_on()
    {
        // Documented deviation (docs/zoo.md): a stair or restart that would begin exactly at step T never runs on the
        // training grid k/T (k < T), so At(1) keeps the last one; PyTorch's state after step T has begun it.
        var step = ReferenceData.Doubles(Cases["step"]!["lr_after_last_step"]);
        Assert.Equal(0.1 * Math.Pow(0.5, 4), step[0], 1e-15);
        Assert.Equal(0.1 * Math.Pow(0.5, 3), Sched.StepDecay(Lrs3, 10 / 40.0, 0.5).ForGroup(0, 3).At(1), 1e-15);
        var restarts = ReferenceData.Doubles(Cases["cosine_warm_restarts"]!["lr_after_last_step"]);
        Assert.Equal(0.1, restarts[0], 1e-15);
        Assert.Equal(0, Sched.SgdrDecay(Lrs3, 3, 2).ForGroup(0, 3).At(1), 1e-15);
    }

    private static Sched EndingSched(string name) => name switch
    {
        "cosine_annealing" => Sched.SgdrDecay(Lrs3, 1, lrMin: 1e-5),
        "multistep" => Sched.MultiStep(Lrs3, [10 / 40.0, 25 / 40.0, 35 / 40.0], 0.1),
        "exponential" => Sched.ExponentialDecay(Lrs3, 0.95, 1 / 30.0),
        "linear" => Sched.WsdLinear(Lrs3, 10 / 20.0, 0, 0.1),
        "sequential_linear_cosine" => Sched.WarmupCosine(Lrs3, 10 / 100.0, startRatio: 0.1),
        "polynomial" => Sched.PolyDecay(Lrs3, 2),
        "cyclic_triangular" => Sched.Cyclic(Hyper.Of(1e-3, 1e-4), Hyper.Of(6e-3, 6e-4), 3),
        "cyclic_triangular2" => Sched.Cyclic(Hyper.Of(1e-3, 1e-4), Hyper.Of(6e-3, 6e-4), 3, cycleDecay: 0.5),
        "cyclic_exp_range" => Sched.Cyclic(Hyper.Of(1e-3, 1e-4), Hyper.Of(6e-3, 6e-4), 3, gamma: Math.Pow(0.99, 20)),
        _ => throw new ArgumentOutOfRangeException(nameof(name), name, "no mapping"),
    };

    [Fact]
    public void Noam_inverse_sqrt_lambda_is_inverse_sqrt_one_step_later()
    {
        // min((s+1)^-0.5, (s+1)*W^-1.5) = W^-0.5 * HF's inverse sqrt at step s+1 (timescale = warmup = W = 10).
        var sched = Sched.InverseSqrt(Lrs3.Scale(Math.Pow(10, -0.5)), 10 / 50.0);
        ZooReplay.Groups(sched, Cases["lambda_inverse_sqrt"]!["lr"], k => (k + 1) / 50.0);
    }
}
