using System.Runtime.CompilerServices;
using System.Text;
using SchedDsl.Collections;

namespace SchedDsl;

/// <summary>
/// fastai's <c>combine_scheds</c>: <c>Scheds[i]</c> runs over its share <c>Pcts[i]</c> of training, in order.
/// </summary>
/// <remarks>
/// At a join the later schedule starts (fastai picks the last segment whose start is &lt;= pos; found by binary
/// search, <see cref="SegmentSearch"/>). Segments of zero
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
    // evaluation makes no virtual call for them, and their search thresholds (SegmentSearch) in an array of their
    // own so that a search reads 8 bytes per step. ValueArray keeps record equality structural.
    private readonly ValueArray<Segment> segments;
    private readonly ValueArray<double> thresholds;

    // Cached: derived from Scheds (so equality is unaffected), and a walk would revisit shared subtrees.
    private readonly int depth;

    // Loops over spans, not LINQ: every combine (and every preset, which expands to one) is built here, from text,
    // JSON and the factories alike, and the enumerators of a struct collection would be boxed.
    public CombineSched(ValueArray<double> pcts, ValueArray<Sched> scheds)
        : base(AnyPerGroup(scheds.AsSpan()))
    {
        Pcts = pcts;
        Scheds = scheds;
        var parts = scheds.AsSpan();
        var widths = pcts.AsSpan();
        var deepest = 0;
        foreach (var part in parts)
        {
            deepest = Math.Max(deepest, part.Depth);
        }
        depth = 1 + deepest;
        var total = 0.0;
        var positive = 0;
        foreach (var pct in widths)
        {
            total += pct;
            positive += pct > 0 ? 1 : 0;
        }
        var flat = new Segment[positive];
        var starts = positive <= 16 ? stackalloc double[positive] : new double[positive];
        var cumulative = 0.0;
        var count = 0;
        for (var i = 0; i < widths.Length; i++)
        {
            if (widths[i] > 0)
            {
                var (kind, a, b, power) = parts[i] switch
                {
                    AnnealSched { IsPerGroup: false } anneal => (anneal.Kind, anneal.StartValue, anneal.EndValue, 0.0),
                    PolySched { IsPerGroup: false } poly => (AnnealerKind.Poly, poly.StartValue, poly.EndValue, poly.Power),
                    _ => (AnnealerKind.Custom, 0.0, 0.0, 0.0),
                };
                flat[count] = new Segment(cumulative / total, widths[i] / total, kind, a, b, power, i);
                starts[count] = flat[count].Start;
                count++;
            }
            cumulative += widths[i];
        }
        segments = ValueArray<Segment>.Own(flat);
        thresholds = ValueArray<double>.Own(SegmentSearch.Thresholds(starts));
    }

    private static bool AnyPerGroup(ReadOnlySpan<Sched> scheds)
    {
        foreach (var sched in scheds)
        {
            if (sched.IsPerGroup)
            {
                return true;
            }
        }
        return false;
    }

    public ValueArray<double> Pcts { get; }

    internal override int Depth => depth;

    public ValueArray<Sched> Scheds { get; }

    /// <summary>Where the last segment starts, in the receiver's own pcts (for <see cref="Sched.Then"/>).</summary>
    internal double LastStart => Pcts.Take(Pcts.Count - 1).Sum();

    // Inlined where the type is known (Preset.Eval calls the sealed type): one call less per preset evaluation.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    internal override double Eval(double pos)
    {
        ref readonly var segment = ref segments.AsSpan()[SegmentSearch.Find(thresholds.AsSpan(), pos)];
        var local = (pos - segment.Start) / segment.Width;
        local = local <= 0 ? 0 : local < 1 ? local : 1;
        if (segment.Kind == AnnealerKind.Cos)
        {
            // The cosine before the endpoints are read, so that no double lives across the call to Math.Cos (x64
            // Linux keeps no XMM register across a call: the endpoints were spilled and reloaded). Same bits.
            var factor = Anneal.CosFactor(local);
            return Anneal.Cos(segment.A, segment.B, factor);
        }
        return segment.Kind == AnnealerKind.Custom
            ? Scheds[segment.Index].Eval(local)
            : Anneal.Eval(segment.Kind, segment.A, segment.B, segment.Power, local);
    }

    /// <summary>The segments of positive width, for evaluators that share one segment search across groups.</summary>
    internal ReadOnlySpan<Segment> Segments => segments.AsSpan();

    /// <summary>The segments' search thresholds (<see cref="SegmentSearch"/>), one per segment.</summary>
    internal ReadOnlySpan<double> Thresholds => thresholds.AsSpan();

    /// <summary>A segment of positive width; for a built-in scalar annealer its kind, endpoints and (poly) power.</summary>
    internal readonly record struct Segment(double Start, double Width, AnnealerKind Kind, double A, double B, double Power, int Index);

    internal override Sched Resolve(int group, int groupCount) =>
        new CombineSched(Pcts, ValueArray<Sched>.Own([.. Scheds.Select(s => s.ForGroup(group, groupCount))]));

    internal override SchedCall? Call => new(CombineFunctions.Combine, [Pcts, Scheds]);

    internal override void Print(StringBuilder builder) => CallText.Print(builder, CombineFunctions.Combine, [Pcts, Scheds]);
}
