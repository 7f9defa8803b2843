namespace SchedDsl;

/// <summary>
/// Scalar schedules of one combine shape (same segments, same built-in annealers), flattened so that one segment
/// search — and, on a cosine segment, one cosine — serves them all: the groups of a sliced one-cycle, and with them
/// a one-cycle momentum of the same <c>pct_start</c>.
/// </summary>
/// <remarks>Each member's value is bit-identical to its own <see cref="Sched.At"/>: the same operations in the same order.</remarks>
internal sealed class SharedShape
{
    private readonly double[] thresholds;
    private readonly double[] starts;
    private readonly double[] widths;
    private readonly AnnealerKind[] kinds;
    private readonly double[] powers;
    // Endpoints segment-major: segment s's members are contiguous from s * outputs.Length. A cosine reads the start
    // and end - start (spans, computed once: a subtraction fewer per member and batch).
    private readonly double[] a;
    private readonly double[] b;
    private readonly double[] spans;
    // Where each member's value goes in the caller's span; when they are consecutive (the usual case: the groups of
    // one schedule, then a momentum of the same shape), from firstOutput on, which spares an index load per member.
    private readonly int[] outputs;
    private readonly int firstOutput;
    private readonly bool consecutive;

    private SharedShape(CombineSched[] members, int[] outputs)
    {
        var segments = members[0].Segments;
        thresholds = members[0].Thresholds.ToArray();
        starts = new double[segments.Length];
        widths = new double[segments.Length];
        kinds = new AnnealerKind[segments.Length];
        powers = new double[segments.Length];
        for (var s = 0; s < segments.Length; s++)
        {
            (starts[s], widths[s], kinds[s], powers[s]) = (segments[s].Start, segments[s].Width, segments[s].Kind, segments[s].Power);
        }
        var n = members.Length;
        a = new double[segments.Length * n];
        b = new double[segments.Length * n];
        for (var m = 0; m < n; m++)
        {
            var own = members[m].Segments;
            for (var s = 0; s < segments.Length; s++)
            {
                a[(s * n) + m] = own[s].A;
                b[(s * n) + m] = own[s].B;
            }
        }
        spans = [.. b.Select((end, i) => end - a[i])];
        this.outputs = outputs;
        firstOutput = outputs[0];
        consecutive = outputs.Select((o, m) => o == firstOutput + m).All(x => x);
    }

    /// <summary>
    /// Splits <paramref name="scheds"/> into shapes shared by one or more of them, and the indices of those that are
    /// not a combine of built-in annealers (evaluated one by one); schedule <c>i</c>'s value goes to <c>places[i]</c>.
    /// </summary>
    public static (SharedShape[] Shapes, int[] Alone) Partition(Sched[] scheds, int[] places)
    {
        var classes = new List<(CombineSched Shape, List<CombineSched> Members, List<int> Outputs)>();
        var alone = new List<int>();
        for (var i = 0; i < scheds.Length; i++)
        {
            if (ShapeOf(scheds[i]) is not { } combine)
            {
                alone.Add(i);
                continue;
            }
            var match = classes.FindIndex(c => SameShape(c.Shape, combine));
            if (match < 0)
            {
                classes.Add((combine, [], []));
                match = classes.Count - 1;
            }
            classes[match].Members.Add(combine);
            classes[match].Outputs.Add(places[i]);
        }
        return ([.. classes.Select(c => new SharedShape([.. c.Members], [.. c.Outputs]))], [.. alone]);
    }

    /// <summary>The combine <paramref name="sched"/> evaluates through, when every segment is a built-in annealer.</summary>
    private static CombineSched? ShapeOf(Sched sched)
    {
        var combine = sched switch
        {
            CombineSched c => c,
            Preset p => p.ExpandedCombine,
            _ => null,
        };
        if (combine is null || combine.IsPerGroup)
        {
            return null;
        }
        foreach (var segment in combine.Segments)
        {
            if (segment.Kind == AnnealerKind.Custom)
            {
                return null;
            }
        }
        return combine;
    }

    private static bool SameShape(CombineSched x, CombineSched y)
    {
        var xs = x.Segments;
        var ys = y.Segments;
        if (xs.Length != ys.Length)
        {
            return false;
        }
        for (var s = 0; s < xs.Length; s++)
        {
            if (xs[s].Kind != ys[s].Kind || xs[s].Start != ys[s].Start || xs[s].Width != ys[s].Width || xs[s].Power != ys[s].Power)
            {
                return false;
            }
        }
        return true;
    }

    /// <summary>Writes each member's value at <paramref name="pos"/> (in [0, 1]) to its place in <paramref name="values"/>.</summary>
    public void Eval(double pos, Span<double> values)
    {
        var s = SegmentSearch.Find(thresholds, pos);
        var local = (pos - starts[s]) / widths[s];
        local = local <= 0 ? 0 : local < 1 ? local : 1;
        var kind = kinds[s];
        var n = outputs.Length;
        var segmentA = a.AsSpan(s * n, n);
        if (kind == AnnealerKind.Cos && consecutive)
        {
            // The cosine taken once for every member; Anneal.CosOver keeps each value bit-identical to the member's At(pos).
            var factor = Anneal.CosFactor(local);
            var segmentSpans = spans.AsSpan(s * n, n);
            var target = values.Slice(firstOutput, n);
            for (var m = 0; m < target.Length; m++)
            {
                target[m] = Anneal.CosOver(segmentA[m], segmentSpans[m], factor);
            }
            return;
        }
        if (kind == AnnealerKind.Cos)
        {
            var factor = Anneal.CosFactor(local);
            var segmentSpans = spans.AsSpan(s * n, n);
            for (var m = 0; m < n; m++)
            {
                values[outputs[m]] = Anneal.CosOver(segmentA[m], segmentSpans[m], factor);
            }
            return;
        }
        var segmentB = b.AsSpan(s * n, n);
        var power = powers[s];
        for (var m = 0; m < n; m++)
        {
            values[outputs[m]] = Anneal.Eval(kind, segmentA[m], segmentB[m], power, local);
        }
    }
}
