using SchedDsl.Text;

namespace SchedDsl;

/// <summary>fastai's <c>fit_one_cycle</c> learning rate: <c>combined_cos(pct_start, lr_max/div, lr_max, lr_max/div_final)</c>.</summary>
internal sealed record OneCycleSched(Hyper LrMax, double Div, double DivFinal, double PctStart)
    : Preset(CombinedCosSched.Expand(PctStart, LrMax.Divide(Div), LrMax, LrMax.Divide(DivFinal)))
{
    public override FunctionSpec Function => FastaiPresets.OneCycle;

    internal override object[] Arguments => [LrMax, Div, DivFinal, PctStart];

    internal override Sched Resolve(int group, int groupCount) =>
        new OneCycleSched(LrMax.ForGroup(group, groupCount), Div, DivFinal, PctStart);
}
