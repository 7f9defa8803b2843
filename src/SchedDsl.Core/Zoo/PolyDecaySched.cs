using SchedDsl.Text;

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
    public override FunctionSpec Function => Decays.PolyDecay;

    internal override object[] Arguments => [Lr, Power, EndRatio, WarmupPct];

    internal override Sched Resolve(int group, int groupCount) =>
        new PolyDecaySched(Lr.ForGroup(group, groupCount), Power, EndRatio, WarmupPct);
}
