using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SchedDsl.LrFinding;
using Xunit;

namespace SchedDsl.Core.Tests.LrFinding;

/// <summary><see cref="LrSuggestions.Valley"/> (O(n log n)) picks exactly the point of fastai's O(n²) loop.</summary>
public sealed class ValleyOracleTests
{
    /// <summary>
    /// Losses of 1-300 points drawn from a few shapes: a coarse grid (ties), a noisy falling-then-rising curve
    /// (the LR-finder shape), and special values (NaN, ±∞, ±0) mixed in; never all NaN.
    /// </summary>
    private static readonly Gen<double[]> Losses =
        from n in Gen.Choose(1, 300)
        from shape in Gen.Choose(0, 2)
        from values in Gen.Choose(0, 1_000_000).ArrayOf(n)
        from specials in Gen.Frequency(
            (20, Gen.Constant<double?>(null)),
            (1, Gen.Elements<double?>(double.NaN, double.PositiveInfinity, double.NegativeInfinity, 0.0, -0.0))).ArrayOf(n)
        let losses = values.Select((v, i) => specials[i] ?? Loss(shape, v, i, n)).ToArray()
        where losses.Any(l => !double.IsNaN(l))
        select losses;

    private static double Loss(int shape, int draw, int i, int n) => shape switch
    {
        0 => draw % 7,
        1 => Math.Pow((i - (0.6 * n)) / n, 2) + (draw / 1e7),
        _ => draw / 1e6,
    };

    [Property(MaxTest = 300)]
    public Property Valley_matches_fastais_quadratic_loop_on_random_curves() =>
        Prop.ForAll(Losses.ToArbitrary(), losses =>
        {
            var lrs = Enumerable.Range(0, losses.Length).Select(i => 1e-7 * Math.Pow(1.1, i)).ToArray();
            return LrSuggestions.Valley(lrs, losses).Index == ValleyOracle.Index(losses);
        });

    [Theory]
    [MemberData(nameof(CurveNames))]
    public void Valley_matches_fastais_quadratic_loop_on_every_reference_curve(string name)
    {
        var (lrs, losses, numIt) = ReferenceCurves.Curve(name);
        Assert.Equal(ValleyOracle.Index(losses), LrSuggestions.Valley(lrs, losses).Index);
        var (trimmedLrs, trimmedLosses) = LrCurve.Trim(lrs, losses, numIt);
        if (trimmedLosses.Any(l => !double.IsNaN(l)))
        {
            Assert.Equal(ValleyOracle.Index(trimmedLosses), LrSuggestions.Valley(trimmedLrs, trimmedLosses).Index);
        }
    }

    [Theory]
    [InlineData(new[] { 1.0 }, 0)]
    [InlineData(new[] { 1.0, 2.0, 3.0 }, 0)]
    [InlineData(new[] { 2.0, 1.0, 3.0 }, 2)]
    [InlineData(new[] { 5.0, 4.0, 3.0, 2.0, 1.0, 9.0 }, 0)]
    public void Valley_keeps_fastais_quirks_on_small_curves(double[] losses, int expected)
    {
        var lrs = Enumerable.Range(1, losses.Length).Select(i => i * 1e-3).ToArray();
        Assert.Equal(expected, ValleyOracle.Index(losses));
        Assert.Equal(expected, LrSuggestions.Valley(lrs, losses).Index);
    }

    public static TheoryData<string> CurveNames => [.. ReferenceCurves.Names];
}
