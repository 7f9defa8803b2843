using Xunit;

namespace SchedDsl.Core.Tests.Zoo;

/// <summary>Invalid arguments fail when the schedule is built, naming function, parameter, value and range.</summary>
public sealed class ZooValidationTests
{
    public static TheoryData<string, string> Rejected() => new()
    {
        { Message(() => Sched.WarmupCosine(1e-3, 1.5)), "warmup_cosine: warmup_pct must be in [0, 1], got 1.5" },
        { Message(() => Sched.WarmupLinear(double.NaN, 0.1)), "warmup_linear: lr_max must be a finite number, got NaN" },
        { Message(() => Sched.Wsd(1e-3, 0.6, 0.5)), "wsd: decay_pct must be <= 1 - warmup_pct = 0.4 (the two phases must fit in training), got 0.5" },
        { Message(() => Sched.OneCycle3Phase(0.01, pctStart: 0.6)), "one_cycle_3phase: pct_start must be in [0, 0.5], got 0.6" },
        { Message(() => Sched.OneCycle3Phase(0.01, div: 0)), "one_cycle_3phase: div must be > 0, got 0" },
        { Message(() => Sched.Cyclic(1e-3, 6e-3, 0)), "cyclic: cycles must be > 0, got 0" },
        { Message(() => Sched.CyclicMomentum(0.8, 0.9, 3, gamma: -1)), "cyclic_momentum: gamma must be > 0, got -1" },
        { Message(() => Sched.StepDecay(0.1, 1e-5)), "step_decay: step_pct must be >= 0.0001 (at most 10000 steps), got 1e-05" },
        { Message(() => Sched.MultiStep(0.1, [0.5, 0.25])), "multi_step: milestones must be in non-decreasing order, got 0.25 after 0.5 at index 1" },
        { Message(() => Sched.MultiStep(0.1, [1.5])), "multi_step: milestones[0] must be in [0, 1], got 1.5" },
        { Message(() => Sched.PiecewiseConstant(0.1, [0.5], [0.1, 0.2])), "piecewise_constant: scales must have one scale per boundary: got 2 scales for 1 boundaries" },
        { Message(() => Sched.ExponentialDecay(0, 0.5, 0.1)), "exponential_decay: lr must be > 0, got 0" },
        { Message(() => Sched.ExponentialDecay(0.1, 0.5, 0.1, endRatio: 2)), "exponential_decay: end_ratio must be below 1 when decay_rate < 1 (a floor), above 1 when decay_rate > 1 (a ceiling), or 0 for none; got 2 with decay_rate 0.5" },
        { Message(() => Sched.PolyDecay(0.1, power: 0)), "poly_decay: power must be > 0, got 0" },
        { Message(() => Sched.InverseSqrt(0.1, 0)), "inverse_sqrt: timescale_pct must be > 0 when warmup_pct is 0 (the timescale defaults to the warmup), got 0" },
        { Message(() => Sched.CosineRestarts(0.1, -1)), "cosine_restarts: cycles must be > 0, got -1" },
        { Message(() => Sched.SgdrDecay(0.1, 0)), "sgdr_decay: n_cycles must be >= 1, got 0" },
        // Values derived from the arguments must stay within ±double.MaxValue/4 (the annealers compute 2*(end - start)).
        { Message(() => Sched.WarmupCosine(1e300, 0.1, endRatio: 1e10)), "warmup_cosine: end_ratio must keep lr_max*end_ratio within ±4.4942328371557893e+307 (the annealers compute 2*(end - start)), got 10000000000, which makes it Infinity" },
        { Message(() => Sched.WarmupLinear(1e308, 0.1)), "warmup_linear: lr_max must be within ±4.4942328371557893e+307 (the annealers compute 2*(end - start)), got 1e+308" },
        { Message(() => Sched.OneCycle3Phase(1, div: 1e-310)), "one_cycle_3phase: div must keep lr_max/div within" },
        { Message(() => Sched.Cyclic(1e-3, 6e-3, 1000, gamma: 1e300)), "cyclic: gamma must keep the swing's largest scale cycle_decay^(ceil(cycles)-1)*gamma^cycles within" },
        { Message(() => Sched.StepDecay(1, 1e-3, 10)), "step_decay: gamma must keep the largest value lr*gamma^floor(1/step_pct) within" },
        { Message(() => Sched.MultiStep(1, [0.5, 0.5], 1e200)), "multi_step: gamma must keep the largest value lr*gamma^(number of milestones) within" },
        { Message(() => Sched.PiecewiseConstant(1, [0.5, 0.6], [1e300, 1e300])), "piecewise_constant: scales[1] must keep lr*scales[0]*…*scales[1] within" },
        { Message(() => Sched.ExponentialDecay(1, 1e300, 0.1)), "exponential_decay: decay_rate must keep the largest value lr*decay_rate^((1 - begin_pct)/transition_pct) within" },
        { Message(() => Sched.InverseSqrt(1, 0.1, 1e-320)), "inverse_sqrt: timescale_pct must keep (1 - warmup_pct)/timescale finite (the decay's length in timescales), got 1e-320" },
        { Message(() => Sched.SgdrDecay(1, 1030, 2)), "sgdr_decay: cycle_mult must keep the total length 1 + cycle_mult + … + cycle_mult^(n_cycles-1) within" },
        { Message(() => Sched.SgdrDecay(1, 200, 1, decay: 1e10)), "sgdr_decay: decay must keep the largest peak lr_max*decay^(n_cycles-1) within" },
        { Message(() => Sched.SgdrDecay(1, 10_001, 1)), "sgdr_decay: n_cycles must be <= 10000 (each cycle is a segment that evaluation searches), got 10001" },
        { Message(() => Sched.TorchPctStart(0.001, 100)), "torch_pct_start: pct_start must be >= 1/total_steps = 0.01 (PyTorch's first phase ends at step pct_start*total_steps-1), got 0.001" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Names_function_parameter_value_and_range(string message, string expected) => Assert.StartsWith(expected, message);

    private static string Message(Func<object> build) => Assert.Throws<SchedArgumentException>(build).Message;
}
