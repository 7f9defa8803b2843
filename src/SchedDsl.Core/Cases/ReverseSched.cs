using System.Text;

namespace SchedDsl;

/// <summary><see cref="Inner"/> run backwards: the value at <c>pos</c> is <c>Inner(1 - pos)</c>.</summary>
/// <remarks>Turns fastai's <c>SchedPoly</c> (<c>start + (end-start)*pos^p</c>) into the decay <c>end + (start-end)*(1-pos)^p</c>.</remarks>
internal sealed record ReverseSched : Sched
{
    public ReverseSched(Sched inner)
        : base(inner.IsPerGroup) => Inner = inner;

    public Sched Inner { get; }

    internal override double Eval(double pos) => Inner.Eval(1 - pos);

    internal override Sched Resolve(int group, int groupCount) => new ReverseSched(Inner.ForGroup(group, groupCount));

    internal override void Print(StringBuilder builder)
    {
        builder.Append("reverse(");
        Inner.Print(builder);
        builder.Append(')');
    }
}
