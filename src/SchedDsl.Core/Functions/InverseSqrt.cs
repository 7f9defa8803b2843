#nullable enable
using SchedDsl.Text;
#if !SCHEDDSL_GENERATOR
using SchedDsl.Validation;
#endif

namespace SchedDsl;

internal static partial class Decays
{
    public static readonly FunctionSpec InverseSqrt = new(
        "inverse_sqrt", "InverseSqrt", "HF `get_inverse_sqrt_schedule`: linear warmup, then lr / sqrt(1 + (pos - warmup_pct)/timescale)",
        [ParamSpec.Hyper("lr"), ParamSpec.Number("warmup_pct", Rule.Fraction), ParamSpec.Number("timescale_pct", Rule.NonNegative, 0)],
        TimescaleFits,
        "a timescale > 0 (timescale_pct, or warmup_pct when it is 0); (1 - warmup_pct)/timescale finite");

    /// <summary>The timescale in use: <paramref name="timescalePct"/>, or the warmup when it is 0.</summary>
    public static double Timescale(double warmupPct, double timescalePct) => timescalePct > 0 ? timescalePct : warmupPct;

    private static ArgProblem? TimescaleFits(Args a)
    {
        double warmupPct = a.Number("warmup_pct"), timescalePct = a.Number("timescale_pct");
        var timescale = Timescale(warmupPct, timescalePct);
        if (timescale <= 0)
        {
            return new ArgProblem("timescale_pct", "must be > 0 when warmup_pct is 0 (the timescale defaults to the warmup), got 0");
        }
        var length = (1 - warmupPct) / timescale;
        return double.IsInfinity(length) || double.IsNaN(length)
            ? new ArgProblem(
                timescalePct > 0 ? "timescale_pct" : "warmup_pct",
                $"must keep (1 - warmup_pct)/timescale finite (the decay's length in timescales), got {TextNumbers.Format(timescale)}")
            : null;
    }
}

// The rest is Core only: the generator compiles the declaration above to check [SchedText] at compile time.
#if !SCHEDDSL_GENERATOR
public abstract partial record Sched
{
    /// <summary>
    /// Linear warmup from 0 over <paramref name="warmupPct"/>, then <c>lr / sqrt(1 + (pos - warmupPct) / timescalePct)</c>.
    /// Text: <c>inverse_sqrt(lr, warmup_pct, timescale_pct=0)</c>.
    /// </summary>
    /// <remarks>
    /// <para>Hugging Face <c>get_inverse_sqrt_schedule(opt, num_warmup_steps=W, timescale=S)</c> over <c>T</c> recorded
    /// steps is <c>InverseSqrt(lr, W/T, S/T)</c> at <c>pos = step/T</c>; HF's default <c>timescale = W</c> is
    /// <paramref name="timescalePct"/> = 0.</para>
    /// <para>The Noam/T2T lambda <c>min((s+1)^-0.5, (s+1)*W^-1.5)</c> over <c>T</c> steps is
    /// <c>InverseSqrt(lr*W^-0.5, W/T)</c> at <c>pos = (s+1)/T</c>.</para>
    /// </remarks>
    /// <param name="lr">The peak: a number, a per-group list, or a slice.</param>
    /// <param name="warmupPct">Share of training spent warming up, in [0, 1].</param>
    /// <param name="timescalePct">The decay's timescale as a share of training, &gt;= 0; 0 means <paramref name="warmupPct"/>.</param>
    /// <exception cref="SchedArgumentException">A non-finite number, a share outside [0, 1], no timescale (both 0), or one so small that the decay spans more than double range of timescales.</exception>
    public static Sched InverseSqrt(Hyper lr, double warmupPct, double timescalePct = 0)
    {
        Declared.Check(Decays.InverseSqrt, lr, warmupPct, timescalePct);
        return new InverseSqrtSched(lr, warmupPct, timescalePct);
    }
}

/// <summary>
/// Linear warmup from 0 over <c>warmup_pct</c>, then <c>lr / sqrt(1 + (pos - warmup_pct) / timescale_pct)</c>
/// (HF <c>get_inverse_sqrt_schedule</c>). A <c>timescale_pct</c> of 0 means <c>warmup_pct</c>, as in HF.
/// </summary>
internal sealed record InverseSqrtSched(Hyper Lr, double WarmupPct, double TimescalePct)
    : Preset(ZooParts.Combine(
        [WarmupPct, 1 - WarmupPct],
        [ZooParts.Lin(Lr.Scale(0), Lr), new RsqrtSched(Lr, (1 - WarmupPct) / Decays.Timescale(WarmupPct, TimescalePct))]))
{
    public override FunctionSpec Function => Decays.InverseSqrt;

    internal override object[] Arguments => [Lr, WarmupPct, TimescalePct];
}
#endif
