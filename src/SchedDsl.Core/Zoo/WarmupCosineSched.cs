using SchedDsl.Text;

namespace SchedDsl;

/// <summary>
/// Linear warmup from <c>lr_max*start_ratio</c> to <c>lr_max</c> over <c>warmup_pct</c>, then half a cosine down
/// to <c>lr_max*end_ratio</c>: HF <c>get_cosine_schedule_with_warmup</c>, Optax <c>warmup_cosine_decay_schedule</c>.
/// </summary>
internal sealed record WarmupCosineSched(Hyper LrMax, double WarmupPct, double StartRatio, double EndRatio)
    : Preset(ZooParts.Combine(
        [WarmupPct, 1 - WarmupPct],
        [ZooParts.Lin(LrMax.Scale(StartRatio), LrMax), ZooParts.Cos(LrMax, LrMax.Scale(EndRatio))]))
{
    public override FunctionSpec Function => WarmupFunctions.WarmupCosine;

    internal override object[] Arguments => [LrMax, WarmupPct, StartRatio, EndRatio];

    internal override Sched Resolve(int group, int groupCount) =>
        new WarmupCosineSched(LrMax.ForGroup(group, groupCount), WarmupPct, StartRatio, EndRatio);
}
