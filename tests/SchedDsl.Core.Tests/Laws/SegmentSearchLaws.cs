using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;

namespace SchedDsl.Core.Tests.Laws;

/// <summary>
/// The binary search that finds a combine's segment (<see cref="SegmentSearch"/>) answers exactly what the linear
/// scan it replaced answered, so every value stays bit for bit what it was (and what the fastai reference tests
/// pin). The old scan is kept here as the oracle.
/// </summary>
public sealed class SegmentSearchLaws
{
    private static readonly Sched[] Parts =
    [
        Sched.Cos(0.3, 0.6), Sched.Lin(2, -1), Sched.No(5, 7), Sched.Exp(1e-3, 1e-1), Sched.Poly(1, 0, 2),
        Sched.Const(4), Sched.Annealer("sqrt", (start, end, pos) => start + ((end - start) * Math.Sqrt(pos))).Create(0, 1),
    ];

    // Weights for pcts: zero-width segments often, and a 1e-17 next to weight 1 so that two starts round to the same
    // double (equal thresholds, where the scan's "last one wins" matters).
    private static readonly Gen<double> Weight = Gen.Frequency(
        (3, Gen.Constant(0.0)), (1, Gen.Constant(1e-17)), (8, Gen.Choose(1, 20).Select(i => (double)i)));

    private static readonly Gen<(double[] Pcts, int[] Parts)> Shape =
        from n in Gen.Choose(1, 40)
        from weights in Weight.ArrayOf(n)
        from parts in Gen.Choose(0, Parts.Length - 1).ArrayOf(n)
        let total = weights.Sum()
        where total > 0
        select (weights.Select(w => w / total).ToArray(), parts);

    /// <summary>The rule before the binary search: from the last positive-width segment down, step back while pos is before its snapped start.</summary>
    private static int LinearScan(double[] starts, double pos)
    {
        var i = starts.Length - 1;
        while (i > 0 && pos < starts[i] - CombineSched.JoinSnap)
        {
            i--;
        }
        return i;
    }

    /// <summary>fastai's starts, as the combine computes them: cumulative pcts over their sum, zero widths dropped.</summary>
    private static (double[] Starts, double[] Widths, int[] Index) Segments(double[] pcts)
    {
        var total = pcts.Sum();
        var (starts, widths, index) = (new List<double>(), new List<double>(), new List<int>());
        var cumulative = 0.0;
        for (var i = 0; i < pcts.Length; i++)
        {
            if (pcts[i] > 0)
            {
                starts.Add(cumulative / total);
                widths.Add(pcts[i] / total);
                index.Add(i);
            }
            cumulative += pcts[i];
        }
        return ([.. starts], [.. widths], [.. index]);
    }

    /// <summary>0, 1, every start, the snapped start and one ulp either side of it, and a few in between.</summary>
    private static IEnumerable<double> Probes(double[] starts)
    {
        yield return 0;
        yield return 1;
        foreach (var start in starts)
        {
            var threshold = start - CombineSched.JoinSnap;
            yield return start;
            yield return threshold;
            yield return Math.BitDecrement(threshold);
            yield return Math.BitIncrement(threshold);
            yield return start + CombineSched.JoinSnap;
        }
        for (var i = 1; i < 16; i++)
        {
            yield return i / 16.0;
        }
    }

    [Property(MaxTest = 300)]
    public Property Binary_search_finds_the_segment_the_linear_scan_found() =>
        Prop.ForAll(Shape.ToArbitrary(), shape =>
        {
            var (starts, _, _) = Segments(shape.Pcts);
            var thresholds = SegmentSearch.Thresholds(starts);
            // Outside [0, 1] and NaN too: Sched.At rejects them, but the search alone must still agree.
            return Probes(starts).Concat([-1, 2, double.NaN])
                .All(pos => SegmentSearch.Find(thresholds, pos) == LinearScan(starts, pos));
        });

    [Property(MaxTest = 200)]
    public Property Combine_values_are_bit_identical_to_the_linear_scan_evaluation() =>
        Prop.ForAll(Shape.ToArbitrary(), shape =>
        {
            var scheds = shape.Parts.Select(p => Parts[p]).ToArray();
            var combine = Sched.CombineScheds(shape.Pcts, scheds);
            var (starts, widths, index) = Segments(shape.Pcts);
            // Bits, not a tolerance: only the lookup changed, and the same segment runs the same operations.
            return Probes(starts).Where(pos => pos is >= 0 and <= 1).All(pos =>
            {
                var i = LinearScan(starts, pos);
                var local = (pos - starts[i]) / widths[i];
                local = local <= 0 ? 0 : local < 1 ? local : 1; // not Math.Clamp: that keeps a -0
                var expected = scheds[index[i]].At(local);
                return BitConverter.DoubleToInt64Bits(combine.At(pos)) == BitConverter.DoubleToInt64Bits(expected);
            });
        });
}
