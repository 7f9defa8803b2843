using System.Text;

namespace SchedDsl;

/// <summary>
/// PyTorch <c>OneCycleLR(three_phase=True)</c> with cosine annealing: <c>lr_max/div</c> up to <c>lr_max</c> over
/// <c>pct_start</c>, back down to <c>lr_max/div</c> over another <c>pct_start</c>, then to
/// <c>lr_max/div/final_div</c>.
/// </summary>
internal sealed record OneCycle3PhaseSched(Hyper LrMax, double Div, double FinalDiv, double PctStart)
    : Preset(ZooParts.Combine(
        [PctStart, PctStart, 1 - (2 * PctStart)],
        [
            ZooParts.Cos(LrMax.Divide(Div), LrMax),
            ZooParts.Cos(LrMax, LrMax.Divide(Div)),
            ZooParts.Cos(LrMax.Divide(Div), LrMax.Divide(Div).Divide(FinalDiv)),
        ]))
{
    public const double DefaultDiv = 25;
    public const double DefaultFinalDiv = 1e4;
    public const double DefaultPctStart = 0.3;

    public override string Name => "one_cycle_3phase";

    internal override Sched Resolve(int group, int groupCount) =>
        new OneCycle3PhaseSched(LrMax.ForGroup(group, groupCount), Div, FinalDiv, PctStart);

    internal override void Print(StringBuilder builder) =>
        PrintCall(builder, [LrMax], ("div", Div, DefaultDiv), ("final_div", FinalDiv, DefaultFinalDiv), ("pct_start", PctStart, DefaultPctStart));
}
