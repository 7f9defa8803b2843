using System.Text;
using SchedDsl.Collections;

namespace SchedDsl;

/// <summary>
/// fastai's <c>combine_scheds</c>: <c>Scheds[i]</c> runs over its share <c>Pcts[i]</c> of training, in order.
/// </summary>
/// <remarks>
/// At a join the later schedule starts (fastai picks the last segment whose start is &lt;= pos). Segments of zero
/// width never run — fastai divides by zero when the last one has zero width. Positions are computed in double,
/// normalised by the pcts' sum, and the local position is kept in [0, 1]. A position within <see cref="JoinSnap"/>
/// of a join counts as the join: <c>0.2+0.2+0.2</c> is <c>0.6000000000000001</c> in double, and without the snap
/// batch 3 of 5 would see the end of the previous SGDR cycle (0) instead of the restart (lr_max) — the rounding
/// fastai's own SGDR test works around by testing from the second batch of each cycle.
/// </remarks>
internal sealed record CombineSched : Sched
{
    /// <summary>Far below any training grid's spacing (1/total steps) and far above double rounding at joins.</summary>
    internal const double JoinSnap = 1e-12;

    // Derived from Pcts (normalised starts and widths); ValueArray keeps record equality structural.
    private readonly ValueArray<double> starts;
    private readonly ValueArray<double> widths;

    public CombineSched(ValueArray<double> pcts, ValueArray<Sched> scheds)
        : base(scheds.Any(s => s.IsPerGroup))
    {
        Pcts = pcts;
        Scheds = scheds;
        var total = pcts.Sum();
        var startsArray = new double[pcts.Count];
        var widthsArray = new double[pcts.Count];
        var cumulative = 0.0;
        for (var i = 0; i < pcts.Count; i++)
        {
            startsArray[i] = cumulative / total;
            widthsArray[i] = pcts[i] / total;
            cumulative += pcts[i];
        }
        starts = ValueArray<double>.Own(startsArray);
        widths = ValueArray<double>.Own(widthsArray);
    }

    public ValueArray<double> Pcts { get; }

    public ValueArray<Sched> Scheds { get; }

    /// <summary>Where the last segment starts, in the receiver's own pcts (for <see cref="Sched.Then"/>).</summary>
    internal double LastStart => Pcts.Take(Pcts.Count - 1).Sum();

    internal override double Eval(double pos)
    {
        var segmentStarts = starts.AsSpan();
        var segmentWidths = widths.AsSpan();
        var scheds = Scheds.AsSpan();
        for (var i = segmentStarts.Length - 1; i >= 0; i--)
        {
            if (segmentWidths[i] > 0 && pos >= segmentStarts[i] - JoinSnap)
            {
                var local = (pos - segmentStarts[i]) / segmentWidths[i];
                return scheds[i].Eval(local <= 0 ? 0 : local < 1 ? local : 1);
            }
        }
        // Unreachable: the first segment of positive width starts at 0.
        return scheds[0].Eval(0);
    }

    internal override Sched Resolve(int group, int groupCount) =>
        new CombineSched(Pcts, ValueArray<Sched>.Own([.. Scheds.Select(s => s.ForGroup(group, groupCount))]));

    internal override void Print(StringBuilder builder)
    {
        builder.Append("combine([").AppendJoin(", ", Pcts.Select(Validation.NumberText.Format)).Append("], [");
        for (var i = 0; i < Scheds.Count; i++)
        {
            if (i > 0)
            {
                builder.Append(", ");
            }
            Scheds[i].Print(builder);
        }
        builder.Append("])");
    }
}
