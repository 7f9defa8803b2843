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
    public const double TanhLb = -7;
    public const double TanhUb = 3;

    public static readonly FunctionSpec TimmCosine = new(
        "timm_cosine", "TimmCosine",
        "timm `CosineLRScheduler`: cosine cycles lr*cycle_decay^i → lr_min (t^k_decay), cycle_mul longer each, lr_min held after cycle_limit cycles; linear warmup from warmup_lr_init",
        CycleParams(null, ParamSpec.Number("k_decay", Rule.Positive, 1)),
        a => CyclesFit(a),
        "the largest peak lr*cycle_decay^i within range");

    public static readonly FunctionSpec TimmTanh = new(
        "timm_tanh", "TimmTanh",
        "timm `TanhLRScheduler`: cycles lr_min + (lr*cycle_decay^i - lr_min)*(1 - tanh(lb*(1-x) + ub*x))/2, as timm_cosine; the warmup ends on the curve",
        CycleParams([ParamSpec.Number("lb", Rule.Finite, TanhLb), ParamSpec.Number("ub", Rule.Finite, TanhUb)]),
        a => (a.Number("lb") < a.Number("ub")
                ? null
                : new ArgProblem("ub", $"must be > lb = {TextNumbers.Format(a.Number("lb"))} (the curve falls from (1 - tanh(lb))/2 to (1 - tanh(ub))/2), got {TextNumbers.Format(a.Number("ub"))}"))
            ?? CyclesFit(a),
        "lb < ub; the largest peak lr*cycle_decay^i within range");

    /// <summary>timm's parameters in its order, lengths as shares of training: <paramref name="shape"/>'s own after <c>cycle_pct</c>, <paramref name="last"/> at the end.</summary>
    private static ParamSpec[] CycleParams(ParamSpec[]? shape, ParamSpec? last = null)
    {
        var parameters = new System.Collections.Generic.List<ParamSpec> { ParamSpec.Hyper("lr"), ParamSpec.Number("cycle_pct", Rule.Positive) };
        parameters.AddRange(shape ?? []);
        parameters.AddRange(
        [
            ParamSpec.Number("lr_min", Rule.Value, 0),
            ParamSpec.Number("cycle_mul", Rule.Positive, 1),
            ParamSpec.Number("cycle_decay", Rule.Positive, 1),
            ParamSpec.Number("cycle_limit", Rule.AtLeastOne, 1),
            ParamSpec.Number("warmup_pct", Rule.Fraction, 0),
            ParamSpec.Number("warmup_lr_init", Rule.Value, 0),
        ]);
        if (last is not null)
        {
            parameters.Add(last);
        }
        return parameters.ToArray();
    }

    /// <summary>The peak of the last cycle that runs within training, <c>lr*cycle_decay^i</c>, within range.</summary>
    private static ArgProblem? CyclesFit(Args a)
    {
        double decay = a.Number("cycle_decay"), mul = a.Number("cycle_mul"), cycles = 1 / a.Number("cycle_pct");
        // The index of the cycle running at pos = 1 (timm's formula), at most cycle_limit - 1.
        var last = mul == 1 ? Math.Floor(cycles) : 1 - (cycles * (1 - mul)) > 0 ? Math.Floor(Math.Log(1 - (cycles * (1 - mul)), mul)) : double.PositiveInfinity;
        var reached = Math.Min(last, a.Number("cycle_limit") - 1);
        return decay <= 1
            ? null
            : CrossRules.Derived("cycle_decay", decay, CrossRules.Times(a.Numbers("lr"), Math.Pow(decay, reached)), "the last peak lr*cycle_decay^i");
    }
}

// The rest is Core only: the generator compiles the declarations above to check [SchedText] at compile time.
#if !SCHEDDSL_GENERATOR
public abstract partial record Sched
{
    /// <summary>
    /// timm's <c>CosineLRScheduler</c>: cosine cycles from <c>lr*cycleDecay^i</c> to <paramref name="lrMin"/>, cycle
    /// <c>i</c> lasting <c>cyclePct*cycleMul^i</c>, with timm's <c>k_decay</c> (<c>cos(pi*x^k)</c>) and
    /// <c>cycle_limit</c> (after that many cycles the value stays at <paramref name="lrMin"/>); a linear warmup from
    /// <paramref name="warmupLrInit"/> to <paramref name="lr"/> over <paramref name="warmupPct"/> replaces the start
    /// of the first cycle. Text: <c>timm_cosine(lr, cycle_pct, lr_min=0, cycle_mul=1, cycle_decay=1, cycle_limit=1,
    /// warmup_pct=0, warmup_lr_init=0, k_decay=1)</c>.
    /// </summary>
    /// <remarks>
    /// timm <c>CosineLRScheduler(t_initial=C, lr_min, cycle_mul, cycle_decay, cycle_limit, warmup_t=W, warmup_lr_init,
    /// k_decay)</c> stepped over <c>T</c> units (epochs, or updates with <c>t_in_epochs=False</c>) is
    /// <c>TimmCosine(lr, C/T, lr_min, cycle_mul, cycle_decay, cycle_limit, W/T, warmup_lr_init, k_decay)</c> at
    /// <c>pos = t/T</c>. Not offered: <c>warmup_prefix=True</c>. timm's noise is <see cref="Noise"/> around it.
    /// <c>lr_min</c> and <c>warmup_lr_init</c> are one number for all groups, as in timm.
    /// </remarks>
    /// <exception cref="SchedArgumentException">A number out of its range, or a growing <paramref name="cycleDecay"/> whose last peak leaves double range.</exception>
    public static Sched TimmCosine(
        Hyper lr, double cyclePct, double lrMin = 0, double cycleMul = 1, double cycleDecay = 1, double cycleLimit = 1, double warmupPct = 0, double warmupLrInit = 0, double kDecay = 1)
    {
        Declared.Check(Restarts.TimmCosine, lr, cyclePct, lrMin, cycleMul, cycleDecay, cycleLimit, warmupPct, warmupLrInit, kDecay);
        return new TimmCyclesSched(lr, cyclePct, lrMin, cycleMul, cycleDecay, cycleLimit, warmupPct, warmupLrInit, kDecay, double.NaN, double.NaN);
    }

    /// <summary>
    /// timm's <c>TanhLRScheduler</c> (Hsueh et al. 2019): cycles of
    /// <c>lrMin + (lr*cycleDecay^i - lrMin)*(1 - tanh(lb*(1-x) + ub*x))/2</c>, otherwise as <see cref="TimmCosine"/>;
    /// its warmup ends on the curve's value at <paramref name="warmupPct"/> (no jump), as timm's does. Text:
    /// <c>timm_tanh(lr, cycle_pct, lb=-7, ub=3, lr_min=0, cycle_mul=1, cycle_decay=1, cycle_limit=1, warmup_pct=0, warmup_lr_init=0)</c>.
    /// </summary>
    /// <remarks>timm <c>TanhLRScheduler(t_initial=C, lb, ub, …, warmup_t=W)</c> over <c>T</c> units is
    /// <c>TimmTanh(lr, C/T, lb, ub, …, W/T, …)</c> at <c>pos = t/T</c>; <c>warmup_prefix=True</c> is not offered.</remarks>
    /// <exception cref="SchedArgumentException">A number out of its range, <paramref name="ub"/> not above <paramref name="lb"/>, or a last peak out of double range.</exception>
    public static Sched TimmTanh(
        Hyper lr, double cyclePct, double lb = Restarts.TanhLb, double ub = Restarts.TanhUb, double lrMin = 0, double cycleMul = 1, double cycleDecay = 1, double cycleLimit = 1, double warmupPct = 0, double warmupLrInit = 0)
    {
        Declared.Check(Restarts.TimmTanh, lr, cyclePct, lb, ub, lrMin, cycleMul, cycleDecay, cycleLimit, warmupPct, warmupLrInit);
        return new TimmCyclesSched(lr, cyclePct, lrMin, cycleMul, cycleDecay, cycleLimit, warmupPct, warmupLrInit, 1, lb, ub);
    }
}

/// <summary>
/// timm's cycle schedulers, <c>_get_lr</c> in positions: cosine (<see cref="Lb"/> NaN) or tanh. A cycle starts where
/// the cycle count is within <see cref="CombineSched.JoinSnap"/> of a whole number (a restart wins at a join).
/// </summary>
internal sealed record TimmCyclesSched : Sched
{
    // Derived from the properties (equality is unaffected): the scalar lr and where the warmup ends; 0 while per-group.
    private readonly double lr;
    private readonly double warmupEnd;

    public TimmCyclesSched(
        Hyper lrMax, double cyclePct, double lrMin, double cycleMul, double cycleDecay, double cycleLimit, double warmupPct, double warmupLrInit, double kDecay, double lb, double ub)
        : base(lrMax.IsPerGroup)
    {
        Lr = lrMax;
        CyclePct = cyclePct;
        LrMin = lrMin;
        CycleMul = cycleMul;
        CycleDecay = cycleDecay;
        CycleLimit = cycleLimit;
        WarmupPct = warmupPct;
        WarmupLrInit = warmupLrInit;
        KDecay = kDecay;
        Lb = lb;
        Ub = ub;
        if (!IsPerGroup)
        {
            lr = lrMax.ForGroup(0, 1);
            // timm warms up to the base lr (cosine) or to the curve at warmup_t (tanh).
            warmupEnd = warmupPct > 0 && IsTanh ? Cycles(warmupPct) : lr;
        }
    }

    public Hyper Lr { get; }

    public double CyclePct { get; }

    public double LrMin { get; }

    public double CycleMul { get; }

    public double CycleDecay { get; }

    public double CycleLimit { get; }

    public double WarmupPct { get; }

    public double WarmupLrInit { get; }

    public double KDecay { get; }

    public double Lb { get; }

    public double Ub { get; }

    private bool IsTanh => !double.IsNaN(Lb);

    // timm's warmup_lr_init + t*(v - warmup_lr_init)/warmup_t, with t/warmup_t first: a tiny warmup_pct cannot overflow the slope.
    internal override double Eval(double pos) => pos < WarmupPct ? WarmupLrInit + (pos / WarmupPct * (warmupEnd - WarmupLrInit)) : Cycles(pos);

    internal override Sched Resolve(int group, int groupCount) =>
        new TimmCyclesSched(Lr.ForGroup(group, groupCount), CyclePct, LrMin, CycleMul, CycleDecay, CycleLimit, WarmupPct, WarmupLrInit, KDecay, Lb, Ub);

    internal override SchedCall? Call => new(Function, Arguments);

    internal override void Print(System.Text.StringBuilder builder) => CallText.Print(builder, Function, Arguments);

    private FunctionSpec Function => IsTanh ? Restarts.TimmTanh : Restarts.TimmCosine;

    private object[] Arguments => IsTanh
        ? [Lr, CyclePct, Lb, Ub, LrMin, CycleMul, CycleDecay, CycleLimit, WarmupPct, WarmupLrInit]
        : [Lr, CyclePct, LrMin, CycleMul, CycleDecay, CycleLimit, WarmupPct, WarmupLrInit, KDecay];

    /// <summary>timm's <c>_get_lr</c> after the warmup, with <c>t/t_initial</c> = <c>pos/cycle_pct</c>.</summary>
    private double Cycles(double pos)
    {
        var t = pos / CyclePct;
        double i, length, into;
        if (CycleMul != 1)
        {
            var inside = 1 - (t * (1 - CycleMul));
            if (!(inside > 0))
            {
                // Past the end of infinitely many shrinking cycles (cycle_mul < 1): every cycle has run.
                return LrMin;
            }
            i = Math.Floor(Math.Log(inside, CycleMul) + CombineSched.JoinSnap);
            length = Math.Pow(CycleMul, i);
            into = t - ((1 - length) / (1 - CycleMul));
        }
        else
        {
            i = Math.Floor(t + CombineSched.JoinSnap);
            length = 1;
            into = t - i;
        }
        if (!(i < CycleLimit))
        {
            return LrMin;
        }
        var peak = lr * Math.Pow(CycleDecay, i);
        var x = into / length;
        x = x <= 0 ? 0 : x < 1 ? x : 1;
        return IsTanh
            ? LrMin + (0.5 * (peak - LrMin) * (1 - Math.Tanh((Lb * (1 - x)) + (Ub * x))))
            : LrMin + (0.5 * (peak - LrMin) * (1 + Math.Cos(Math.PI * (KDecay == 1 ? x : Math.Pow(x, KDecay)))));
    }
}
#endif
