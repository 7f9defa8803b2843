using SchedDsl.Collections;
using SchedDsl.Text;

namespace SchedDsl;

/// <summary>PyTorch <c>MultiStepLR</c>: <c>lr * gamma^(number of milestones &lt;= pos)</c>.</summary>
internal sealed record MultiStepSched(Hyper Lr, ValueArray<double> Milestones, double Gamma)
    : Preset(ZooParts.Piecewise(Lr, Milestones, [.. Milestones.Select((_, i) => Math.Pow(Gamma, i + 1))]))
{
    public override FunctionSpec Function => Decays.MultiStep;

    internal override object[] Arguments => [Lr, Milestones, Gamma];

    internal override Sched Resolve(int group, int groupCount) => new MultiStepSched(Lr.ForGroup(group, groupCount), Milestones, Gamma);
}
