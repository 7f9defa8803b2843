using System.Text;

namespace SchedDsl;

/// <summary>fastai's <c>fit_flat_cos</c> learning rate: <c>combined_cos(pct_start, lr, lr, lr/div_final)</c>.</summary>
internal sealed record FlatCosSched(Hyper Lr, double DivFinal, double PctStart)
    : Preset(CombinedCosSched.Expand(PctStart, Lr, Lr, Lr.Divide(DivFinal)))
{
    public const double DefaultDivFinal = 1e5;
    public const double DefaultPctStart = 0.75;

    public override string Name => "flat_cos";

    internal override Sched Resolve(int group, int groupCount) =>
        new FlatCosSched(Lr.ForGroup(group, groupCount), DivFinal, PctStart);

    internal override void Print(StringBuilder builder) =>
        PrintCall(builder, [Lr], ("div_final", DivFinal, DefaultDivFinal), ("pct_start", PctStart, DefaultPctStart));
}
