using SchedDsl.Text;

namespace SchedDsl;

/// <summary>
/// PyTorch <c>CyclicLR</c>: <c>cycles</c> triangles from <c>base</c> to <c>max</c> (rising over <c>pct_up</c> of each
/// cycle) and back, the swing scaled by <c>cycle_decay^c * gamma^t</c> (cycle <c>c</c>, <c>t</c> cycles elapsed).
/// The momentum form (<see cref="IsMomentum"/>) starts at <c>max_momentum</c> and dips to <c>base_momentum</c> while
/// the learning rate peaks.
/// </summary>
internal sealed record CyclicSched(Hyper Base, Hyper Max, double Cycles, double PctUp, double CycleDecay, double Gamma, bool IsMomentum)
    : Preset(Expand(IsMomentum ? Max : Base, IsMomentum ? Base : Max, Cycles, PctUp, CycleDecay, Gamma))
{
    public override FunctionSpec Function => IsMomentum ? PyTorchCycles.CyclicMomentum : PyTorchCycles.Cyclic;

    internal override object[] Arguments => [Base, Max, Cycles, PctUp, CycleDecay, Gamma];

    private static RepeatSched Expand(Hyper rest, Hyper peak, double cycles, double pctUp, double cycleDecay, double gamma) =>
        new(ZooParts.Combine([pctUp, 1 - pctUp], [ZooParts.Lin(rest, peak), ZooParts.Lin(peak, rest)]), cycles, rest, cycleDecay, gamma);

    internal override Sched Resolve(int group, int groupCount) =>
        new CyclicSched(Base.ForGroup(group, groupCount), Max.ForGroup(group, groupCount), Cycles, PctUp, CycleDecay, Gamma, IsMomentum);
}
