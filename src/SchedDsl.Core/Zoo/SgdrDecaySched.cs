using SchedDsl.Text;

namespace SchedDsl;

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

    internal override Sched Resolve(int group, int groupCount) =>
        new SgdrDecaySched(LrMax.ForGroup(group, groupCount), NCycles, CycleMult, Decay, LrMin);
}
