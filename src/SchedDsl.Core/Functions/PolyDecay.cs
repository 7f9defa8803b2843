#nullable enable
using SchedDsl.Text;
#if !SCHEDDSL_GENERATOR
using SchedDsl.Validation;
#endif

namespace SchedDsl;

internal static partial class Decays
{
    public static readonly FunctionSpec PolyDecay = new(
        "poly_decay", "PolyDecay", "PyTorch `PolynomialLR` / HF polynomial decay: end + (lr - end) * (1 - x)^power after a linear warmup",
        [
            ParamSpec.Hyper("lr"),
            ParamSpec.Number("power", Rule.Positive, 1),
            ParamSpec.Number("end_ratio", Rule.NonNegative, 0),
            ParamSpec.Number("warmup_pct", Rule.Fraction, 0),
        ],
        a => CrossRules.Ratio(a, "end_ratio", "lr"),
        "lr*end_ratio within range");
}

// The rest is Core only: the generator compiles the declaration above to check [SchedText] at compile time.
#if !SCHEDDSL_GENERATOR
public abstract partial record Sched
{
    /// <summary>
    /// Polynomial decay after an optional linear warmup from 0: <c>end + (lr-end) * (1-x)^power</c>, with
    /// <c>end = lr*endRatio</c> and <c>x</c> the progress through the decay.
    /// Text: <c>poly_decay(lr, power=1, end_ratio=0, warmup_pct=0)</c>.
    /// </summary>
    /// <remarks>
    /// <para>PyTorch <c>PolynomialLR(total_iters=N, power=p)</c> is <c>PolyDecay(lr, p)</c> at <c>pos = min(step/N, 1)</c>.</para>
    /// <para>Hugging Face <c>get_polynomial_decay_schedule_with_warmup(opt, W, T, lr_end, power)</c> is
    /// <c>PolyDecay(lr, power, lr_end/lr_init, W/T)</c> at <c>pos = min(step/T, 1)</c>, where <c>lr_init</c> is
    /// <c>optimizer.defaults['lr']</c>: HF divides by it for every group, so every group ends at the same ratio.</para>
    /// </remarks>
    /// <exception cref="SchedArgumentException">A non-finite number, a power &lt;= 0, <paramref name="warmupPct"/> outside [0, 1], or <c>lr*endRatio</c> past double range.</exception>
    public static Sched PolyDecay(Hyper lr, double power = 1, double endRatio = 0, double warmupPct = 0)
    {
        Declared.Check(Decays.PolyDecay, lr, power, endRatio, warmupPct);
        return new PolyDecaySched(lr, power, endRatio, warmupPct);
    }
}

/// <summary>
/// Polynomial decay after an optional linear warmup from 0: <c>end + (lr-end)*(1-x)^power</c> with
/// <c>end = lr*end_ratio</c> and <c>x</c> the progress through the decay (HF
/// <c>get_polynomial_decay_schedule_with_warmup</c>, PyTorch <c>PolynomialLR</c>).
/// </summary>
internal sealed record PolyDecaySched(Hyper Lr, double Power, double EndRatio, double WarmupPct)
    : Preset(ZooParts.Combine(
        [WarmupPct, 1 - WarmupPct],
        [ZooParts.Lin(Lr.Scale(0), Lr), new ReverseSched(new PolySched(Lr.Scale(EndRatio), Lr, Power))]))
{
    public override FunctionSpec Function => Decays.PolyDecay;

    internal override object[] Arguments => [Lr, Power, EndRatio, WarmupPct];
}
#endif
