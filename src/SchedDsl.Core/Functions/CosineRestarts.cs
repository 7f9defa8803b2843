#nullable enable
using SchedDsl.Text;
#if !SCHEDDSL_GENERATOR
using SchedDsl.Validation;
#endif

namespace SchedDsl;

/// <summary>Cosine schedules with restarts: Hugging Face's hard restarts and PyTorch's <c>CosineAnnealingWarmRestarts</c>.</summary>
internal static partial class Restarts
{
    public static readonly FunctionSpec CosineRestarts = new(
        "cosine_restarts", "CosineRestarts", "HF cosine with hard restarts: linear warmup, then cycles equal half-cosines lr → 0",
        [ParamSpec.Hyper("lr"), ParamSpec.Number("cycles", Rule.Positive, 1), ParamSpec.Number("warmup_pct", Rule.Fraction, 0)]);
}

// The rest is Core only: the generator compiles the declaration above to check [SchedText] at compile time.
#if !SCHEDDSL_GENERATOR
public abstract partial record Sched
{
    /// <summary>
    /// Cosine with hard restarts: linear warmup from 0 over <paramref name="warmupPct"/>, then <paramref name="cycles"/>
    /// equal half-cosines from <paramref name="lr"/> to 0. Text: <c>cosine_restarts(lr, cycles=1, warmup_pct=0)</c>.
    /// </summary>
    /// <remarks>Hugging Face <c>get_cosine_with_hard_restarts_schedule_with_warmup(opt, W, T, num_cycles=n)</c> is
    /// <c>CosineRestarts(lr, n, W/T)</c> at <c>pos = min(step/T, 1)</c>.</remarks>
    /// <exception cref="SchedArgumentException">A non-finite number, <paramref name="cycles"/> &lt;= 0, or <paramref name="warmupPct"/> outside [0, 1].</exception>
    public static Sched CosineRestarts(Hyper lr, double cycles = 1, double warmupPct = 0)
    {
        Declared.Check(Restarts.CosineRestarts, lr, cycles, warmupPct);
        return new CosineRestartsSched(lr, cycles, warmupPct);
    }
}

/// <summary>
/// Linear warmup from 0 over <c>warmup_pct</c>, then <c>cycles</c> equal half-cosines from <c>lr</c> to 0, each
/// restarting at <c>lr</c> (HF <c>get_cosine_with_hard_restarts_schedule_with_warmup</c>).
/// </summary>
internal sealed record CosineRestartsSched(Hyper Lr, double Cycles, double WarmupPct)
    : Preset(ZooParts.Combine(
        [WarmupPct, 1 - WarmupPct],
        [ZooParts.Lin(Lr.Scale(0), Lr), new RepeatSched(ZooParts.Cos(Lr, Lr.Scale(0)), Cycles, Lr.Scale(0), 1, 1)]))
{
    public override FunctionSpec Function => Restarts.CosineRestarts;

    internal override object[] Arguments => [Lr, Cycles, WarmupPct];
}
#endif
