using SchedDsl.Text;

namespace SchedDsl;

/// <summary>
/// PyTorch <c>OneCycleLR(three_phase=True)</c> with cosine annealing: <c>lr_max/div</c> up to <c>lr_max</c> over
/// <c>pct_start</c>, back down to <c>lr_max/div</c> over another <c>pct_start</c>, then to
/// <c>lr_max/div/final_div_factor</c>.
/// </summary>
internal sealed record OneCycle3PhaseSched(Hyper LrMax, double Div, double FinalDivFactor, double PctStart)
    : Preset(ZooParts.Combine(
        [PctStart, PctStart, 1 - (2 * PctStart)],
        [
            ZooParts.Cos(LrMax.Divide(Div), LrMax),
            ZooParts.Cos(LrMax, LrMax.Divide(Div)),
            ZooParts.Cos(LrMax.Divide(Div), LrMax.Divide(Div).Divide(FinalDivFactor)),
        ]))
{
    public override FunctionSpec Function => PyTorchCycles.OneCycle3Phase;

    internal override object[] Arguments => [LrMax, Div, FinalDivFactor, PctStart];

    internal override Sched Resolve(int group, int groupCount) =>
        new OneCycle3PhaseSched(LrMax.ForGroup(group, groupCount), Div, FinalDivFactor, PctStart);
}
