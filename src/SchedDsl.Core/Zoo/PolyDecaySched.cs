using System.Text;

namespace SchedDsl;

/// <summary>
/// Polynomial decay after an optional linear warmup from 0: <c>end + (lr-end)*(1-x)^power</c> with
/// <c>end = lr*end_ratio</c> and <c>x</c> the progress through the decay (HF
/// <c>get_polynomial_decay_schedule_with_warmup</c>, PyTorch <c>PolynomialLR</c>).
/// </summary>
internal sealed record PolyDecaySched(Hyper Lr, double Power, double EndRatio, double WarmupPct)
    : Preset(ZooParts.Combine(
        [WarmupPct, 1 - WarmupPct],
        [ZooParts.Lin(Lr.Scale(0), Lr), new ReverseSched(new PolySched(Lr.Scale(EndRatio), Lr, Power))]))
{
    public override string Name => "poly_decay";

    internal override Sched Resolve(int group, int groupCount) =>
        new PolyDecaySched(Lr.ForGroup(group, groupCount), Power, EndRatio, WarmupPct);

    internal override void Print(StringBuilder builder) =>
        PrintCall(builder, [Lr], ("power", Power, 1.0), ("end_ratio", EndRatio, 0.0), ("warmup_pct", WarmupPct, 0.0));
}
