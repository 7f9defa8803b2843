using System.Text;

namespace SchedDsl;

/// <summary>
/// Linear warmup from 0 over <c>warmup_pct</c>, then <c>lr / sqrt(1 + (pos - warmup_pct) / timescale_pct)</c>
/// (HF <c>get_inverse_sqrt_schedule</c>). A <c>timescale_pct</c> of 0 means <c>warmup_pct</c>, as in HF.
/// </summary>
internal sealed record InverseSqrtSched(Hyper Lr, double WarmupPct, double TimescalePct)
    : Preset(ZooParts.Combine(
        [WarmupPct, 1 - WarmupPct],
        [ZooParts.Lin(Lr.Scale(0), Lr), new RsqrtSched(Lr, (1 - WarmupPct) / Timescale(WarmupPct, TimescalePct))]))
{
    public override string Name => "inverse_sqrt";

    /// <summary>The timescale in use: <paramref name="timescalePct"/>, or the warmup when it is 0.</summary>
    internal static double Timescale(double warmupPct, double timescalePct) => timescalePct > 0 ? timescalePct : warmupPct;

    internal override Sched Resolve(int group, int groupCount) =>
        new InverseSqrtSched(Lr.ForGroup(group, groupCount), WarmupPct, TimescalePct);

    internal override void Print(StringBuilder builder) =>
        PrintCall(builder, [Lr, WarmupPct], ("timescale_pct", TimescalePct, 0.0));
}
