using System.Text;

namespace SchedDsl;

/// <summary>A constant: the text form of a bare number, list or slice.</summary>
internal sealed record ConstSched : Sched
{
    private readonly double value;

    public ConstSched(Hyper value)
        : base(value.IsPerGroup)
    {
        Value = value;
        if (!IsPerGroup)
        {
            this.value = value.ForGroup(0, 1);
        }
    }

    public Hyper Value { get; }

    internal override double Eval(double pos) => value;

    internal override Sched Resolve(int group, int groupCount) => new ConstSched(Value.ForGroup(group, groupCount));

    internal override void Print(StringBuilder builder) => builder.Append(Value);
}
