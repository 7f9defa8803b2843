using SchedDsl.Text;

namespace SchedDsl;

/// <summary>PyTorch <c>StepLR</c>: <c>lr * gamma^floor(pos / step_pct)</c>.</summary>
internal sealed record StepDecaySched(Hyper Lr, double StepPct, double Gamma)
    : Preset(ExponentialDecaySched.Staircase(Lr, Gamma, StepPct, 0, 0))
{
    public override FunctionSpec Function => Decays.StepDecay;

    internal override object[] Arguments => [Lr, StepPct, Gamma];

    internal override Sched Resolve(int group, int groupCount) => new StepDecaySched(Lr.ForGroup(group, groupCount), StepPct, Gamma);
}
