using System.Text;
using SchedDsl.Validation;

namespace SchedDsl;

/// <summary>
/// <see cref="Cycle"/> run <see cref="Count"/> times over training (a fractional count ends mid-cycle). Repeat
/// <c>c</c> (0-based) swings away from <see cref="Rest"/> by <c>CycleDecay^c * Gamma^t</c> of the cycle's own swing,
/// where <c>t = pos * Count</c> is the position in cycles: PyTorch CyclicLR's <c>triangular2</c> (per-cycle) and
/// <c>exp_range</c> (per-step) amplitude decay.
/// </summary>
/// <remarks>
/// A restart wins at a join, as in <see cref="CombineSched"/>: a position within <see cref="CombineSched.JoinSnap"/>
/// (in position units) of a cycle boundary is that boundary, but never more than <see cref="MaxSnap"/> of a cycle
/// before it, so that a count of 1e11 cycles (each 1e-11 long) is not cut short. At <c>pos = 1</c> a whole count ends
/// its last cycle (it does not restart).
/// </remarks>
internal sealed record RepeatSched : Sched
{
    private readonly double rest;
    private readonly double lastCycle;
    private readonly double snap;
    private readonly bool decays;

    public RepeatSched(Sched cycle, double count, Hyper rest, double cycleDecay, double gamma)
        : base(cycle.IsPerGroup || rest.IsPerGroup)
    {
        Cycle = cycle;
        Count = count;
        Rest = rest;
        CycleDecay = cycleDecay;
        Gamma = gamma;
        lastCycle = Math.Ceiling(count) - 1;
        snap = JoinSnapInCycles(count);
        decays = cycleDecay != 1 || gamma != 1;
        if (!IsPerGroup)
        {
            this.rest = rest.ForGroup(0, 1);
        }
    }

    public Sched Cycle { get; }

    public double Count { get; }

    public Hyper Rest { get; }

    public double CycleDecay { get; }

    public double Gamma { get; }

    /// <summary>
    /// The most a restart snaps, in cycles: a millionth of a cycle, far below what a cycle's shape shows, and above the
    /// rounding of a grid position <c>i/n</c> (about <c>1.1e-16 * count</c> cycles) up to a count of 1e9 cycles.
    /// </summary>
    internal const double MaxSnap = 1e-6;

    internal static double JoinSnapInCycles(double count) => Math.Min(CombineSched.JoinSnap * Math.Max(1, count), MaxSnap);

    internal override double Eval(double pos)
    {
        var t = pos * Count;
        var c = Math.Floor(t + snap);
        if (c > lastCycle)
        {
            c = lastCycle;
        }
        // The place in the cycle, t - c, with the product's rounding error added back (exact, by a fused
        // multiply-add): t is ~count, so with many cycles its rounding alone would be a visible share of a cycle,
        // and t - c (exact itself) would keep all of it.
        var local = (t - c) + Math.FusedMultiplyAdd(pos, Count, -t);
        if (local < -snap && c > 0)
        {
            // t rounded up onto a restart the exact position is further than a snap from: it is still in the cycle
            // before (with 3e13 cycles, t's rounding is 0.002 of a cycle).
            c--;
            local++;
        }
        local = local <= 0 ? 0 : local < 1 ? local : 1;
        var value = Cycle.Eval(local);
        return decays ? rest + ((value - rest) * Math.Pow(CycleDecay, c) * Math.Pow(Gamma, t)) : value;
    }

    internal override Sched Resolve(int group, int groupCount) =>
        new RepeatSched(Cycle.ForGroup(group, groupCount), Count, Rest.ForGroup(group, groupCount), CycleDecay, Gamma);

    internal override void Print(StringBuilder builder)
    {
        builder.Append("repeat(");
        Cycle.Print(builder);
        builder.Append(", ").Append(NumberText.Format(Count)).Append(", ").Append(Rest)
            .Append(", ").Append(NumberText.Format(CycleDecay)).Append(", ").Append(NumberText.Format(Gamma)).Append(')');
    }
}
