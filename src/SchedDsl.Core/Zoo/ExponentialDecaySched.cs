using SchedDsl.Text;

namespace SchedDsl;

/// <summary>
/// Optax <c>exponential_decay</c> (PyTorch <c>ExponentialLR</c>): <c>lr</c> until <c>begin_pct</c>, then
/// <c>lr * decay_rate^((pos - begin_pct) / transition_pct)</c>, the exponent floored when <see cref="IsStaircase"/>,
/// and held at <c>lr*end_ratio</c> once it gets there (0: no bound).
/// </summary>
internal sealed record ExponentialDecaySched(Hyper Lr, double DecayRate, double TransitionPct, double BeginPct, double EndRatio, bool IsStaircase)
    : Preset(IsStaircase ? Staircase(Lr, DecayRate, TransitionPct, BeginPct, EndRatio) : Smooth(Lr, DecayRate, TransitionPct, BeginPct, EndRatio))
{
    public override FunctionSpec Function => IsStaircase ? Decays.ExponentialDecayStaircase : Decays.ExponentialDecay;

    internal override object[] Arguments => [Lr, DecayRate, TransitionPct, BeginPct, EndRatio];

    /// <summary>The rate applied step by step from <paramref name="beginPct"/>, every <paramref name="transitionPct"/>.</summary>
    internal static CombineSched Staircase(Hyper lr, double rate, double transitionPct, double beginPct, double endRatio)
    {
        var boundaries = new List<double>();
        var factors = new List<double>();
        for (var i = 1; beginPct + (i * transitionPct) < 1 - CombineSched.JoinSnap && boundaries.Count < Decays.MaxStairs; i++)
        {
            var factor = Bound(Math.Pow(rate, i), rate, endRatio);
            boundaries.Add(beginPct + (i * transitionPct));
            factors.Add(factor);
            if (endRatio > 0 && factor == endRatio)
            {
                break;
            }
        }
        return ZooParts.Piecewise(lr, boundaries, factors);
    }

    private static CombineSched Smooth(Hyper lr, double rate, double transitionPct, double beginPct, double endRatio)
    {
        var atEnd = Math.Pow(rate, (1 - beginPct) / transitionPct);
        // Where the decay reaches its bound, if it does before the end.
        var bound = endRatio > 0 && rate != 1 ? beginPct + (transitionPct * Math.Log(endRatio) / Math.Log(rate)) : double.PositiveInfinity;
        return bound < 1
            ? ZooParts.Combine(
                [beginPct, bound - beginPct, 1 - bound],
                [ZooParts.Flat(lr), ZooParts.Exp(lr, lr.Scale(endRatio)), ZooParts.Flat(lr.Scale(endRatio))])
            : ZooParts.Combine([beginPct, 1 - beginPct], [ZooParts.Flat(lr), ZooParts.Exp(lr, lr.Scale(atEnd))]);
    }

    private static double Bound(double factor, double rate, double endRatio) =>
        endRatio <= 0 ? factor : rate < 1 ? Math.Max(factor, endRatio) : Math.Min(factor, endRatio);

    internal override Sched Resolve(int group, int groupCount) =>
        new ExponentialDecaySched(Lr.ForGroup(group, groupCount), DecayRate, TransitionPct, BeginPct, EndRatio, IsStaircase);
}
