namespace SchedDsl;

/// <summary>
/// The per-group schedules of one combine shape (same segments, same built-in annealers), flattened so that one
/// segment search serves every group.
/// </summary>
internal sealed class SharedShape
{
    private readonly double[] thresholds;
    private readonly double[] starts;
    private readonly double[] widths;
    private readonly AnnealerKind[] kinds;
    private readonly double[] powers;
    private readonly double[] a;
    private readonly double[] b;
    private readonly int groups;

    private SharedShape(CombineSched shape, double[] a, double[] b, int groups)
    {
        var segments = shape.Segments;
        thresholds = shape.Thresholds.ToArray();
        starts = new double[segments.Length];
        widths = new double[segments.Length];
        kinds = new AnnealerKind[segments.Length];
        powers = new double[segments.Length];
        for (var s = 0; s < segments.Length; s++)
        {
            (starts[s], widths[s], kinds[s], powers[s]) = (segments[s].Start, segments[s].Width, segments[s].Kind, segments[s].Power);
        }
        (this.a, this.b, this.groups) = (a, b, groups);
    }

    public static SharedShape? TryCreate(Sched[] scheds)
    {
        var combines = new CombineSched[scheds.Length];
        for (var g = 0; g < scheds.Length; g++)
        {
            var combine = scheds[g] switch
            {
                CombineSched c => c,
                Preset p => p.ExpandedCombine,
                _ => null,
            };
            if (combine is null)
            {
                return null;
            }
            combines[g] = combine;
        }
        var shape = combines[0].Segments;
        foreach (var combine in combines)
        {
            var segments = combine.Segments;
            if (segments.Length != shape.Length)
            {
                return null;
            }
            for (var s = 0; s < shape.Length; s++)
            {
                if (segments[s].Kind == AnnealerKind.Custom || segments[s].Kind != shape[s].Kind
                    || segments[s].Start != shape[s].Start || segments[s].Width != shape[s].Width
                    || segments[s].Power != shape[s].Power)
                {
                    return null;
                }
            }
        }
        var n = scheds.Length;
        var a = new double[shape.Length * n];
        var b = new double[shape.Length * n];
        for (var g = 0; g < n; g++)
        {
            var segments = combines[g].Segments;
            for (var s = 0; s < shape.Length; s++)
            {
                a[(s * n) + g] = segments[s].A;
                b[(s * n) + g] = segments[s].B;
            }
        }
        return new SharedShape(combines[0], a, b, n);
    }

    public void Eval(double pos, Span<double> values)
    {
        var s = SegmentSearch.Find(thresholds, pos);
        var local = (pos - starts[s]) / widths[s];
        local = local <= 0 ? 0 : local < 1 ? local : 1;
        var kind = kinds[s];
        var groupA = a.AsSpan(s * groups, values.Length);
        var groupB = b.AsSpan(s * groups, values.Length);
        if (kind == AnnealerKind.Cos)
        {
            // The cosine taken once for every group; Anneal.Cos keeps each value bit-identical to the group's At(pos).
            var factor = Anneal.CosFactor(local);
            for (var g = 0; g < values.Length; g++)
            {
                values[g] = Anneal.Cos(groupA[g], groupB[g], factor);
            }
            return;
        }
        var power = powers[s];
        for (var g = 0; g < values.Length; g++)
        {
            values[g] = Anneal.Eval(kind, groupA[g], groupB[g], power, local);
        }
    }
}
