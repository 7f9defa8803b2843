using SchedDsl.Collections;
using SchedDsl.Validation;

namespace SchedDsl;

/// <summary>fastai's <c>slice</c>: spread over however many groups there are.</summary>
internal sealed record SliceHyper(double? Start, double Stop, SliceRule Rule) : Hyper
{
    public override bool IsPerGroup => true;

    public override ValueArray<double> Numbers =>
        Start is { } start ? ValueArray<double>.Own([start, Stop]) : ValueArray<double>.Own([Stop]);

    public override Hyper Scale(double factor) => new SliceHyper(Start * factor, Stop * factor, Rule);

    public override Hyper Divide(double divisor) => new SliceHyper(Start / divisor, Stop / divisor, Rule);

    private protected override double Resolve(int group, int groupCount)
    {
        if (Start is { } start)
        {
            return Discriminative.EvenMults(start, Stop, groupCount)[group];
        }
        var others = Stop / OthersDivisor(Rule);
        return group == groupCount - 1 ? Stop : others;
    }

    /// <summary>What <c>slice(stop)</c> divides stop by for every group but the last: 3 (fastai v1) or 10 (v2).</summary>
    internal static double OthersDivisor(SliceRule rule) => Text.SliceRules.OthersDivisor(rule == SliceRule.FastaiV1);

    public override string ToString() => (Start, Rule) switch
    {
        ({ } start, _) => $"slice({NumberText.Format(start)}, {NumberText.Format(Stop)})",
        (null, SliceRule.FastaiV1) => $"slice_v1({NumberText.Format(Stop)})",
        _ => $"slice({NumberText.Format(Stop)})",
    };
}
