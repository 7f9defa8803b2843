using SchedDsl.Text;

namespace SchedDsl;

/// <summary>
/// Linear warmup from 0 over <c>warmup_pct</c>, then <c>cycles</c> equal half-cosines from <c>lr</c> to 0, each
/// restarting at <c>lr</c> (HF <c>get_cosine_with_hard_restarts_schedule_with_warmup</c>).
/// </summary>
internal sealed record CosineRestartsSched(Hyper Lr, double Cycles, double WarmupPct)
    : Preset(ZooParts.Combine(
        [WarmupPct, 1 - WarmupPct],
        [ZooParts.Lin(Lr.Scale(0), Lr), new RepeatSched(ZooParts.Cos(Lr, Lr.Scale(0)), Cycles, Lr.Scale(0), 1, 1)]))
{
    public override FunctionSpec Function => Restarts.CosineRestarts;

    internal override object[] Arguments => [Lr, Cycles, WarmupPct];

    internal override Sched Resolve(int group, int groupCount) =>
        new CosineRestartsSched(Lr.ForGroup(group, groupCount), Cycles, WarmupPct);
}
