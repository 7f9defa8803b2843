#nullable enable
#if SCHEDDSL_GENERATOR
using System;
#endif
using SchedDsl.Text;
#if !SCHEDDSL_GENERATOR
using SchedDsl.Validation;
#endif

namespace SchedDsl;

internal static partial class Restarts
{
    public const double SgdrDecayCycleMult = 2;

    /// <summary>Most cycles an <c>sgdr_decay</c> may have (each costs a step of the segment search).</summary>
    public const int MaxCycles = 10_000;

    public static readonly FunctionSpec SgdrDecay = new(
        "sgdr_decay", "SgdrDecay", "PyTorch `CosineAnnealingWarmRestarts`: n_cycles half-cosines lr_max*decay^i → lr_min, cycle i lasting cycle_mult^i",
        [
            ParamSpec.Hyper("lr_max"),
            ParamSpec.Integer("n_cycles"),
            ParamSpec.Number("cycle_mult", Rule.Positive, SgdrDecayCycleMult),
            ParamSpec.Number("decay", Rule.Positive, 1),
            ParamSpec.Number("lr_min", Rule.Value, 0),
        ],
        a => CrossRules.AtMost(a, "n_cycles", MaxCycles, "each cycle is a segment that evaluation searches")
            ?? CrossRules.Derived(
                "cycle_mult", a.Number("cycle_mult"), [FastaiPresets.SgdrEpochs((int)a.Number("n_cycles"), 1, a.Number("cycle_mult"))],
                "the total length 1 + cycle_mult + … + cycle_mult^(n_cycles-1)")
            ?? CrossRules.Derived(
                "decay", a.Number("decay"), CrossRules.Times(a.Numbers("lr_max"), Math.Max(1, Math.Pow(a.Number("decay"), a.Number("n_cycles") - 1))),
                "the largest peak lr_max*decay^(n_cycles-1)"),
        $"n_cycles <= {MaxCycles}; the total length and the largest peak within range");
}

// The rest is Core only: the generator compiles the declaration above to check [SchedText] at compile time.
#if !SCHEDDSL_GENERATOR
public abstract partial record Sched
{
    /// <summary>
    /// SGDR with decaying peaks: <paramref name="nCycles"/> half-cosines, cycle <c>i</c> from <c>lrMax*decay^i</c> down
    /// to <paramref name="lrMin"/>, lasting <c>cycleMult^i</c> times the first.
    /// Text: <c>sgdr_decay(lr_max, n_cycles, cycle_mult=2, decay=1, lr_min=0)</c>.
    /// </summary>
    /// <remarks>PyTorch <c>CosineAnnealingWarmRestarts(T_0, T_mult, eta_min)</c> for <c>n</c> whole cycles, i.e.
    /// <c>T = T_0*(T_mult^n - 1)/(T_mult - 1)</c> steps (<c>n*T_0</c> when <c>T_mult = 1</c>), is
    /// <c>SgdrDecay(lr, n, T_mult, 1, eta_min)</c> at <c>pos = step/T</c>; <c>CosineAnnealingLR(T_max, eta_min)</c> is
    /// <c>SgdrDecay(lr, 1, lrMin: eta_min)</c> at <c>pos = step/T_max</c>.</remarks>
    /// <exception cref="SchedArgumentException">A non-finite number, <paramref name="nCycles"/> outside [1, 10000], a multiplier or decay &lt;= 0, or cycles or peaks that grow past double range.</exception>
    public static Sched SgdrDecay(Hyper lrMax, int nCycles, double cycleMult = Restarts.SgdrDecayCycleMult, double decay = 1, double lrMin = 0)
    {
        Declared.Check(Restarts.SgdrDecay, lrMax, nCycles, cycleMult, decay, lrMin);
        return new SgdrDecaySched(lrMax, nCycles, cycleMult, decay, lrMin);
    }
}

/// <summary>
/// SGDR with decaying peaks: <c>n_cycles</c> half-cosines, cycle <c>i</c> from <c>lr_max*decay^i</c> down to
/// <c>lr_min</c> and lasting <c>cycle_mult^i</c> times the first (PyTorch <c>CosineAnnealingWarmRestarts</c> when
/// <c>decay = 1</c>).
/// </summary>
internal sealed record SgdrDecaySched(Hyper LrMax, int NCycles, double CycleMult, double Decay, double LrMin)
    : Preset(Expand(LrMax, NCycles, CycleMult, Decay, LrMin))
{
    public override FunctionSpec Function => Restarts.SgdrDecay;

    internal override object[] Arguments => [LrMax, NCycles, CycleMult, Decay, LrMin];

    private static CombineSched Expand(Hyper lrMax, int nCycles, double cycleMult, double decay, double lrMin)
    {
        var lengths = new double[nCycles];
        var scheds = new Sched[nCycles];
        for (var i = 0; i < nCycles; i++)
        {
            lengths[i] = Math.Pow(cycleMult, i);
            scheds[i] = ZooParts.Cos(i == 0 ? lrMax : lrMax.Scale(Math.Pow(decay, i)), lrMin);
        }
        var total = lengths.Sum();
        return ZooParts.Combine([.. lengths.Select(l => l / total)], scheds);
    }
}
#endif
