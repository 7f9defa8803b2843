using System.Text;
using SchedDsl.Validation;

namespace SchedDsl;

/// <summary>Inverse square-root decay from <see cref="Peak"/>: <c>Peak / sqrt(1 + pos * Span)</c>.</summary>
/// <remarks><see cref="Span"/> is the segment's length in timescales, so the value at its end is <c>Peak / sqrt(1 + Span)</c>.</remarks>
internal sealed record RsqrtSched : Sched
{
    private readonly double peak;

    public RsqrtSched(Hyper peak, double span)
        : base(peak.IsPerGroup)
    {
        Peak = peak;
        Span = span;
        if (!IsPerGroup)
        {
            this.peak = peak.ForGroup(0, 1);
        }
    }

    public Hyper Peak { get; }

    public double Span { get; }

    internal override double Eval(double pos) => peak / Math.Sqrt(1 + (pos * Span));

    internal override Sched Resolve(int group, int groupCount) => new RsqrtSched(Peak.ForGroup(group, groupCount), Span);

    internal override void Print(StringBuilder builder) =>
        builder.Append("rsqrt(").Append(Peak).Append(", ").Append(NumberText.Format(Span)).Append(')');
}
