using System.Text.Json.Nodes;
using SchedDsl.Core.Tests.Reference;
using Xunit;

namespace SchedDsl.Core.Tests.Zoo;

/// <summary>Replays a recorded per-group curve through a schedule at the positions a library's steps map to.</summary>
internal static class ZooReplay
{
    /// <summary>
    /// Both sides compute the same formula in double; they differ only in rounding (k/T vs k/W for a local position,
    /// recursive products in PyTorch's chainable schedulers, cos(pi*x) vs cos(pi*(1-x))). Those errors are a few ulps
    /// of the largest value in the curve: absolute, not relative, because a cosine near its end value cancels, so
    /// tiny values carry the absolute rounding of the peak. 1e-12 of the peak leaves room for ~1e4 ulps and is still
    /// a million times below any step-grid or off-by-one error (those move values by &gt;1e-4 of the peak here).
    /// </summary>
    public const double OfPeak = 1e-12;

    /// <summary>
    /// Every group <c>g</c> of <paramref name="expected"/> (<c>[G][n]</c>) against <c>sched.ForGroup(g, G).At(position(k))</c>
    /// for the steps <paramref name="steps"/> (all when null).
    /// </summary>
    public static void Groups(Sched sched, JsonNode? expected, Func<int, double> position, IEnumerable<int>? steps = null, double ofPeak = OfPeak)
    {
        var curves = expected!.AsArray().Select(ReferenceData.Doubles).ToArray();
        Assert.NotEmpty(curves);
        for (var g = 0; g < curves.Length; g++)
        {
            Curve(sched.ForGroup(g, curves.Length), curves[g], position, steps, ofPeak, $"group {g}");
        }
    }

    /// <summary>One curve against a scalar schedule.</summary>
    public static void Curve(Sched sched, double[] expected, Func<int, double> position, IEnumerable<int>? steps, double ofPeak, string label)
    {
        var peak = expected.Max(Math.Abs);
        var worst = 0.0;
        var worstStep = -1;
        foreach (var k in steps ?? Enumerable.Range(0, expected.Length))
        {
            var error = Math.Abs(sched.At(position(k)) - expected[k]);
            if (error > worst)
            {
                (worst, worstStep) = (error, k);
            }
        }
        Assert.True(
            worst <= ofPeak * peak,
            $"{label} of {sched}: step {worstStep} expected {(worstStep < 0 ? 0 : expected[worstStep]):R}, got {(worstStep < 0 ? 0 : sched.At(position(worstStep))):R}; error {worst:R} > {ofPeak:R} * peak {peak:R}");
    }

    /// <summary><c>step/total</c>, held at 1 past the end (where the library holds its final value).</summary>
    public static Func<int, double> Clamped(int total) => k => Math.Min((double)k / total, 1);

    /// <summary><c>step/total</c>; steps past <paramref name="total"/> are not in the domain.</summary>
    public static Func<int, double> Over(int total) => k => (double)k / total;
}
