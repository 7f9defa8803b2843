namespace SchedDsl;

/// <summary>
/// The per-group schedules of one combine shape (same segments, same built-in annealers), flattened so that one
/// segment search serves every group.
/// </summary>
internal sealed class SharedShape
{
    private readonly double[] starts;
    private readonly double[] widths;
    private readonly AnnealerKind[] kinds;
    private readonly double[] a;
    private readonly double[] b;
    private readonly int groups;

    private SharedShape(double[] starts, double[] widths, AnnealerKind[] kinds, double[] a, double[] b, int groups)
    {
        (this.starts, this.widths, this.kinds, this.a, this.b, this.groups) = (starts, widths, kinds, a, b, groups);
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
                    || segments[s].Start != shape[s].Start || segments[s].Width != shape[s].Width)
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
        var starts = new double[shape.Length];
        var widths = new double[shape.Length];
        var kinds = new AnnealerKind[shape.Length];
        for (var s = 0; s < shape.Length; s++)
        {
            (starts[s], widths[s], kinds[s]) = (shape[s].Start, shape[s].Width, shape[s].Kind);
        }
        return new SharedShape(starts, widths, kinds, a, b, n);
    }

    public void Eval(double pos, Span<double> values)
    {
        var s = starts.Length - 1;
        while (s > 0 && pos < starts[s] - CombineSched.JoinSnap)
        {
            s--;
        }
        var local = (pos - starts[s]) / widths[s];
        local = local <= 0 ? 0 : local < 1 ? local : 1;
        var offset = s * groups;
        switch (kinds[s])
        {
            case AnnealerKind.Cos:
                // Annealers.Cos with its cosine taken once for every group: the same operations in the same order,
                // so each value is bit-identical to the group's own At(pos).
                var k = 1 + Math.Cos(Math.PI * (1 - local));
                for (var g = 0; g < values.Length; g++)
                {
                    var (start, end) = (a[offset + g], b[offset + g]);
                    values[g] = start + (k * (end - start) / 2);
                }
                break;
            case AnnealerKind.Lin:
                for (var g = 0; g < values.Length; g++)
                {
                    values[g] = Annealers.Lin(a[offset + g], b[offset + g], local);
                }
                break;
            case AnnealerKind.Exp:
                for (var g = 0; g < values.Length; g++)
                {
                    values[g] = Annealers.Exp(a[offset + g], b[offset + g], local);
                }
                break;
            default:
                a.AsSpan(offset, values.Length).CopyTo(values);
                break;
        }
    }
}
