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

    // Derived from Pcts and Scheds: the segments of positive width, with built-in annealers inlined so that
    // evaluation makes no virtual call for them. ValueArray keeps record equality structural.
    private readonly ValueArray<Segment> segments;

    // Cached: derived from Scheds (so equality is unaffected), and a walk would revisit shared subtrees.
    private readonly int depth;

    public CombineSched(ValueArray<double> pcts, ValueArray<Sched> scheds)
        : base(scheds.Any(s => s.IsPerGroup))
    {
        Pcts = pcts;
        Scheds = scheds;
        depth = 1 + scheds.Max(s => s.Depth);
        var total = pcts.Sum();
        var flat = new List<Segment>(pcts.Count);
        var cumulative = 0.0;
        for (var i = 0; i < pcts.Count; i++)
        {
            if (pcts[i] > 0)
            {
                var (kind, a, b) = scheds[i] is AnnealSched { IsPerGroup: false } anneal
                    ? (anneal.Factory.Kind, anneal.StartValue, anneal.EndValue)
                    : (AnnealerKind.Custom, 0.0, 0.0);
                flat.Add(new Segment(cumulative / total, pcts[i] / total, kind, a, b, i));
            }
            cumulative += pcts[i];
        }
        segments = ValueArray<Segment>.Own([.. flat]);
    }

    public ValueArray<double> Pcts { get; }

    internal override int Depth => depth;

    public ValueArray<Sched> Scheds { get; }

    /// <summary>Where the last segment starts, in the receiver's own pcts (for <see cref="Sched.Then"/>).</summary>
    internal double LastStart => Pcts.Take(Pcts.Count - 1).Sum();

    internal override double Eval(double pos)
    {
        var flat = segments.AsSpan();
        var i = flat.Length - 1;
        while (i > 0 && pos < flat[i].Start - JoinSnap)
        {
            i--;
        }
        ref readonly var segment = ref flat[i];
        var local = (pos - segment.Start) / segment.Width;
        local = local <= 0 ? 0 : local < 1 ? local : 1;
        return segment.Kind switch
        {
            AnnealerKind.Lin => Annealers.Lin(segment.A, segment.B, local),
            AnnealerKind.Cos => Annealers.Cos(segment.A, segment.B, local),
            AnnealerKind.No => segment.A,
            AnnealerKind.Exp => Annealers.Exp(segment.A, segment.B, local),
            _ => Scheds[segment.Index].Eval(local),
        };
    }

    /// <summary>The segments of positive width, for evaluators that share one segment search across groups.</summary>
    internal ReadOnlySpan<Segment> Segments => segments.AsSpan();

    /// <summary>A segment of positive width; for a built-in scalar annealer its kind and endpoints.</summary>
    internal readonly record struct Segment(double Start, double Width, AnnealerKind Kind, double A, double B, int Index);

    internal override Sched Resolve(int group, int groupCount) =>
        new CombineSched(Pcts, ValueArray<Sched>.Own([.. Scheds.Select(s => s.ForGroup(group, groupCount))]));

    internal override SchedCall? Call => new(Text.CombineFunctions.Combine, [Pcts, Scheds]);

    internal override void Print(StringBuilder builder) => CallText.Print(builder, Text.CombineFunctions.Combine, [Pcts, Scheds]);
}
