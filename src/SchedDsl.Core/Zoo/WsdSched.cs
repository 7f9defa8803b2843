using SchedDsl.Text;

namespace SchedDsl;

/// <summary>
/// Warmup-stable-decay (HF <c>get_wsd_schedule</c>): linear from <c>lr*min_lr_ratio</c> to <c>lr</c> over
/// <c>warmup_pct</c>, flat at <c>lr</c>, then down to <c>lr*min_lr_ratio</c> over the last <c>decay_pct</c>, by half
/// a cosine (<c>wsd</c>) or a line (<c>wsd_linear</c>).
/// </summary>
internal sealed record WsdSched(Hyper Lr, double WarmupPct, double DecayPct, double MinLrRatio, bool LinearDecay)
    : Preset(ZooParts.Combine(
        [WarmupPct, 1 - WarmupPct - DecayPct, DecayPct],
        [
            ZooParts.Lin(Lr.Scale(MinLrRatio), Lr),
            ZooParts.Flat(Lr),
            LinearDecay ? ZooParts.Lin(Lr, Lr.Scale(MinLrRatio)) : ZooParts.Cos(Lr, Lr.Scale(MinLrRatio)),
        ]))
{
    public override FunctionSpec Function => LinearDecay ? WarmupFunctions.WsdLinear : WarmupFunctions.Wsd;

    internal override object[] Arguments => [Lr, WarmupPct, DecayPct, MinLrRatio];

    internal override Sched Resolve(int group, int groupCount) =>
        new WsdSched(Lr.ForGroup(group, groupCount), WarmupPct, DecayPct, MinLrRatio, LinearDecay);
}
