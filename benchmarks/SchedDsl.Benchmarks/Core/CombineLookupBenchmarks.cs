using BenchmarkDotNet.Attributes;

namespace SchedDsl.Benchmarks.Core;

/// <summary>
/// A <c>combine</c> of many cosine segments (random widths and endpoints, fixed seed) and <c>sgdr(0.1, n,
/// cycle_mult=1)</c>, evaluated at every position of a 1000-step grid, against what a careful person writes: the
/// cumulative boundaries, widths and endpoints precomputed into arrays once, a hand binary search for the segment,
/// then the cosine. The baseline evaluates the random combine; sgdr does the same work over equal widths.
/// </summary>
[MemoryDiagnoser]
public class CombineLookupBenchmarks
{
    private const int Steps = 1000;

    private Sched combine = null!;
    private Sched sgdr = null!;
    private double[] starts = [];
    private double[] widths = [];
    private double[] from = [];
    private double[] to = [];

    /// <summary>Segments in the combine (cycles in sgdr).</summary>
    [Params(100, 1000, 10000)]
    public int Segments { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var random = new Random(11);
        var raw = Enumerable.Range(0, Segments).Select(_ => 0.5 + random.NextDouble()).ToArray();
        var rawTotal = raw.Sum();
        var pcts = raw.Select(r => r / rawTotal).ToArray();
        from = [.. Enumerable.Range(0, Segments).Select(_ => random.NextDouble())];
        to = [.. Enumerable.Range(0, Segments).Select(_ => random.NextDouble())];
        combine = Sched.CombineScheds(pcts, Enumerable.Range(0, Segments).Select(i => Sched.Cos(from[i], to[i])));
        sgdr = Sched.Sgdr(0.1, Segments, cycleMult: 1);
        var total = pcts.Sum();
        starts = new double[Segments];
        widths = new double[Segments];
        var cumulative = 0.0;
        for (var i = 0; i < Segments; i++)
        {
            starts[i] = cumulative / total;
            widths[i] = pcts[i] / total;
            cumulative += pcts[i];
        }
    }

    [Benchmark(Baseline = true, OperationsPerInvoke = Steps, Description = "hand binary search")]
    public double HandBinarySearch()
    {
        var sum = 0.0;
        for (var step = 0; step < Steps; step++)
        {
            var pos = (double)step / Steps;
            // The last segment whose start is <= pos.
            int lo = 0, hi = starts.Length - 1;
            while (lo < hi)
            {
                var mid = (lo + hi + 1) >> 1;
                if (pos < starts[mid])
                {
                    hi = mid - 1;
                }
                else
                {
                    lo = mid;
                }
            }
            var local = (pos - starts[lo]) / widths[lo];
            sum += from[lo] + ((1 + Math.Cos(Math.PI * (1 - local))) * (to[lo] - from[lo]) / 2);
        }
        return sum;
    }

    [Benchmark(OperationsPerInvoke = Steps, Description = "Sched.Combine")]
    public double Combine() => Loop(combine);

    [Benchmark(OperationsPerInvoke = Steps, Description = "Sched.Sgdr(0.1, n, cycle_mult=1)")]
    public double Sgdr() => Loop(sgdr);

    private static double Loop(Sched sched)
    {
        var sum = 0.0;
        for (var step = 0; step < Steps; step++)
        {
            sum += sched.At((double)step / Steps);
        }
        return sum;
    }
}
