using SchedDsl.Collections;
using SchedDsl.Text;

namespace SchedDsl;

/// <summary>
/// fastai's <c>fit_sgdr</c>: <c>n_cycles</c> cosine annealings from <c>lr_max</c> to 0, cycle <c>i</c> lasting
/// <c>cycle_len * cycle_mult^i</c>, each taking its length's share of training.
/// </summary>
internal sealed record SgdrSched(Hyper LrMax, int NCycles, double CycleLen, double CycleMult)
    : Preset(Expand(LrMax, NCycles, CycleMult))
{
    public override FunctionSpec Function => FastaiPresets.Sgdr;

    internal override object[] Arguments => [LrMax, NCycles, CycleLen, CycleMult];

    /// <summary>Cycle lengths relative to the first; <c>cycle_len</c> cancels out of the shares.</summary>
    private static CombineSched Expand(Hyper lrMax, int nCycles, double cycleMult)
    {
        var lengths = new double[nCycles];
        var scheds = new Sched[nCycles];
        var cycle = new AnnealSched(AnnealerFactory.CosFactory, lrMax, 0.0);
        for (var i = 0; i < nCycles; i++)
        {
            lengths[i] = Math.Pow(cycleMult, i);
            scheds[i] = cycle;
        }
        var total = lengths.Sum();
        return new CombineSched(ValueArray<double>.Own([.. lengths.Select(l => l / total)]), ValueArray<Sched>.Own(scheds));
    }

    internal override Sched Resolve(int group, int groupCount) =>
        new SgdrSched(LrMax.ForGroup(group, groupCount), NCycles, CycleLen, CycleMult);
}
