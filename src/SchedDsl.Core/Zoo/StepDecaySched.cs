using System.Text;

namespace SchedDsl;

/// <summary>PyTorch <c>StepLR</c>: <c>lr * gamma^floor(pos / step_pct)</c>.</summary>
internal sealed record StepDecaySched(Hyper Lr, double StepPct, double Gamma)
    : Preset(ExponentialDecaySched.Staircase(Lr, Gamma, StepPct, 0, 0))
{
    public const double DefaultGamma = 0.1;

    public override string Name => "step_decay";

    internal override Sched Resolve(int group, int groupCount) => new StepDecaySched(Lr.ForGroup(group, groupCount), StepPct, Gamma);

    internal override void Print(StringBuilder builder) => PrintCall(builder, [Lr, StepPct], ("gamma", Gamma, DefaultGamma));
}
