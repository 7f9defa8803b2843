using System.Text;

namespace SchedDsl;

/// <summary>
/// SGDR with decaying peaks: <c>n_cycles</c> half-cosines, cycle <c>i</c> from <c>lr_max*decay^i</c> down to
/// <c>lr_min</c> and lasting <c>cycle_mult^i</c> times the first (PyTorch <c>CosineAnnealingWarmRestarts</c> when
/// <c>decay = 1</c>).
/// </summary>
internal sealed record SgdrDecaySched(Hyper LrMax, int NCycles, double CycleMult, double Decay, double LrMin)
    : Preset(Expand(LrMax, NCycles, CycleMult, Decay, LrMin))
{
    public const double DefaultCycleMult = 2;

    /// <summary>Most cycles a schedule may have (each costs a step of the segment search), as <see cref="ExponentialDecaySched.MaxStairs"/>.</summary>
    public const int MaxCycles = 10_000;

    public override string Name => "sgdr_decay";

    /// <summary><c>1 + cycle_mult + … + cycle_mult^(n_cycles-1)</c>, summed in double.</summary>
    internal static double TotalLength(int nCycles, double cycleMult)
    {
        var total = 0.0;
        for (var i = 0; i < nCycles; i++)
        {
            total += Math.Pow(cycleMult, i);
        }
        return total;
    }

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

    internal override Sched Resolve(int group, int groupCount) =>
        new SgdrDecaySched(LrMax.ForGroup(group, groupCount), NCycles, CycleMult, Decay, LrMin);

    internal override void Print(StringBuilder builder) =>
        PrintCall(builder, [LrMax, NCycles], ("cycle_mult", CycleMult, DefaultCycleMult), ("decay", Decay, 1.0), ("lr_min", LrMin, 0.0));
}
