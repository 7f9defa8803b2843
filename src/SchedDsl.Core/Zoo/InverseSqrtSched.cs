using SchedDsl.Text;

namespace SchedDsl;

/// <summary>
/// Linear warmup from 0 over <c>warmup_pct</c>, then <c>lr / sqrt(1 + (pos - warmup_pct) / timescale_pct)</c>
/// (HF <c>get_inverse_sqrt_schedule</c>). A <c>timescale_pct</c> of 0 means <c>warmup_pct</c>, as in HF.
/// </summary>
internal sealed record InverseSqrtSched(Hyper Lr, double WarmupPct, double TimescalePct)
    : Preset(ZooParts.Combine(
        [WarmupPct, 1 - WarmupPct],
        [ZooParts.Lin(Lr.Scale(0), Lr), new RsqrtSched(Lr, (1 - WarmupPct) / Decays.Timescale(WarmupPct, TimescalePct))]))
{
    public override FunctionSpec Function => Decays.InverseSqrt;

    internal override object[] Arguments => [Lr, WarmupPct, TimescalePct];

    internal override Sched Resolve(int group, int groupCount) =>
        new InverseSqrtSched(Lr.ForGroup(group, groupCount), WarmupPct, TimescalePct);
}
