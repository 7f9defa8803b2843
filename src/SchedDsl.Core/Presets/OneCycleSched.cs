using System.Text;

namespace SchedDsl;

/// <summary>fastai's <c>fit_one_cycle</c> learning rate: <c>combined_cos(pct_start, lr_max/div, lr_max, lr_max/div_final)</c>.</summary>
internal sealed record OneCycleSched(Hyper LrMax, double Div, double DivFinal, double PctStart)
    : Preset(CombinedCosSched.Expand(PctStart, LrMax.Divide(Div), LrMax, LrMax.Divide(DivFinal)))
{
    public const double DefaultDiv = 25;
    public const double DefaultDivFinal = 1e5;
    public const double DefaultPctStart = 0.25;

    public override string Name => "one_cycle";

    internal override Sched Resolve(int group, int groupCount) =>
        new OneCycleSched(LrMax.ForGroup(group, groupCount), Div, DivFinal, PctStart);

    internal override void Print(StringBuilder builder) =>
        PrintCall(builder, [LrMax], ("div", Div, DefaultDiv), ("div_final", DivFinal, DefaultDivFinal), ("pct_start", PctStart, DefaultPctStart));
}
