using SchedDsl.Collections;
using SchedDsl.Text;

namespace SchedDsl;

/// <summary>
/// Optax <c>piecewise_constant_schedule</c>: <c>lr</c> times the product of <c>scales[i]</c> for every boundary
/// <c>boundaries[i] &lt;= pos</c>.
/// </summary>
internal sealed record PiecewiseConstantSched(Hyper Lr, ValueArray<double> Boundaries, ValueArray<double> Scales)
    : Preset(ZooParts.Piecewise(Lr, Boundaries, Cumulative(Scales)))
{
    public override FunctionSpec Function => Decays.PiecewiseConstant;

    internal override object[] Arguments => [Lr, Boundaries, Scales];

    private static double[] Cumulative(ValueArray<double> scales)
    {
        var factors = new double[scales.Count];
        var product = 1.0;
        for (var i = 0; i < factors.Length; i++)
        {
            product *= scales[i];
            factors[i] = product;
        }
        return factors;
    }

    internal override Sched Resolve(int group, int groupCount) =>
        new PiecewiseConstantSched(Lr.ForGroup(group, groupCount), Boundaries, Scales);
}
