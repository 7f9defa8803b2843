using SchedDsl.Text;

namespace SchedDsl;

/// <summary>fastai's <c>fit_flat_cos</c> learning rate: <c>combined_cos(pct_start, lr, lr, lr/div_final)</c>.</summary>
internal sealed record FlatCosSched(Hyper Lr, double DivFinal, double PctStart)
    : Preset(CombinedCosSched.Expand(PctStart, Lr, Lr, Lr.Divide(DivFinal)))
{
    public override FunctionSpec Function => FastaiPresets.FlatCos;

    internal override object[] Arguments => [Lr, DivFinal, PctStart];

    internal override Sched Resolve(int group, int groupCount) =>
        new FlatCosSched(Lr.ForGroup(group, groupCount), DivFinal, PctStart);
}
