using Xunit;

namespace SchedDsl.Core.Tests.Zoo;

/// <summary>The new shapes and transformers reject bad arguments when built, naming the argument and its allowed range.</summary>
public sealed class ShapesValidationTests
{
    public static TheoryData<string, string> Rejected() => new()
    {
        { Message(() => Sched.Staircase(Sched.Cos(1, 0), 0)), "staircase: steps must be >= 1, got 0" },
        { Message(() => Sched.Noise(Sched.Cos(1, 0), 100, noisePct: 1)), "noise: noise_pct must be < 1: the noise is drawn with |noise| < noise_pct and applied as lr*(1 + noise)" },
        { Message(() => Sched.Noise(Sched.Cos(1, 0), 100, noisePct: -0.1)), "noise: noise_pct must be in [0, 1], got -0.1" },
        { Message(() => Sched.Noise(Sched.Cos(1, 0), 100, noiseStd: 0)), "noise: noise_std must be > 0, got 0" },
        { Message(() => Sched.Noise(Sched.Cos(1, 0), 100, noiseSeed: 1.5)), "noise: noise_seed must be a whole number in [0, 2^53 = 9007199254740992], got 1.5" },
        { Message(() => Sched.Noise(Sched.Cos(1, 0), 100, 0.5, 0.2)), "noise: noise_range_end must be >= noise_range_start = 0.5, got 0.2" },
        { Message(() => Sched.Noise(Sched.Cos(1, 0), 0)), "noise: steps must be >= 1, got 0" },
        { Message(() => Sched.Multiply()), "multiply: scheds must hold at least one schedule, got none" },
        { Message(() => Sched.WarmupLog(1e-3, 0.1, 1)), "warmup_log: warmup_num_steps must be >= 2" },
        { Message(() => Sched.WarmupLog(1e-3, 1.5, 10)), "warmup_log: warmup_pct must be in [0, 1], got 1.5" },
        { Message(() => Sched.WsdSqrt(1e-3, 0.6, 0.5)), "wsd_sqrt: decay_pct must be <= 1 - warmup_pct = 0.4" },
        { Message(() => Sched.TimmTanh(0.1, 0.5, lb: 3, ub: 3)), "timm_tanh: ub must be > lb = 3" },
        { Message(() => Sched.TimmCosine(0.1, 0)), "timm_cosine: cycle_pct must be > 0, got 0" },
        { Message(() => Sched.TimmCosine(0.1, 0.5, cycleLimit: 0.5)), "timm_cosine: cycle_limit must be >= 1, got 0.5" },
        { Message(() => Sched.TimmCosine(0.1, 0.5, kDecay: 0)), "timm_cosine: k_decay must be > 0, got 0" },
        { Message(() => Sched.TimmCosine(1e300, 1e-3, cycleDecay: 10, cycleLimit: 1000)), "timm_cosine: cycle_decay must keep the last peak lr*cycle_decay^i within" },
        { Message(() => Sched.PiecewiseInterpolateLinear(1, [0.5], [-1])), "piecewise_interpolate_linear: scales[0] must be >= 0, got -1" },
        { Message(() => Sched.PiecewiseInterpolateCosine(1, [0.5, 0.2], [1, 1])), "piecewise_interpolate_cosine: boundaries must be in non-decreasing order" },
        { Message(() => Sched.PiecewiseInterpolateLinear(1, [0.5], [1, 2])), "piecewise_interpolate_linear: scales must have one scale per boundary: got 2 scales for 1 boundaries" },
    };

    [Theory]
    [MemberData(nameof(Rejected))]
    public void Names_function_parameter_value_and_range(string message, string expected) => Assert.StartsWith(expected, message);

    [Theory]
    [InlineData("staircase(cos(1, 0), 0)", "steps")]
    [InlineData("noise(cos(1, 0), 100, noise_pct=1.2)", "noise_pct")]
    [InlineData("warmup_log(1e-3, 0.1, 1)", "warmup_num_steps")]
    [InlineData("multiply([])", "scheds")]
    public void Text_names_the_argument(string text, string parameter)
    {
        var error = Assert.Throws<SchedParseException>(() => Sched.Parse(text));
        Assert.Contains(parameter, error.Message);
    }

    private static string Message(Func<object> build) => Assert.Throws<SchedArgumentException>(build).Message;
}
