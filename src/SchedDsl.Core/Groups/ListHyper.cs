using SchedDsl.Collections;
using SchedDsl.Validation;

namespace SchedDsl;

/// <summary>One value per group; the group count must match.</summary>
internal sealed record ListHyper(ValueArray<double> Values) : Hyper
{
    public override bool IsPerGroup => true;

    public override ValueArray<double> Numbers => Values;

    public override Hyper Scale(double factor) =>
        new ListHyper(ValueArray<double>.Own([.. Values.Select(v => v * factor)]));

    public override Hyper Divide(double divisor) =>
        new ListHyper(ValueArray<double>.Own([.. Values.Select(v => v / divisor)]));

    private protected override double Resolve(int group, int groupCount) => Values[group];

    private protected override void CheckCount(int groupCount)
    {
        if (Values.Count != groupCount)
        {
            throw new SchedArgumentException(
                $"per-group list {this} has {Values.Count} values but there are {groupCount} parameter groups; give one value per group");
        }
    }

    public override string ToString() => $"[{string.Join(", ", Values.Select(NumberText.Format))}]";
}
