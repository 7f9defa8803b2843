using FsCheck;
using FsCheck.Fluent;

namespace SchedDsl.Testing.Generation;

/// <summary>
/// Finite numbers in closed ranges. FsCheck's own doubles include NaN and ±∞, which every factory rejects by design;
/// these mix the range's ends, short decimals and full-precision doubles (printing must keep all 17 digits).
/// </summary>
internal static class NumberGen
{
    /// <summary>A number in [<paramref name="min"/>, <paramref name="max"/>]: geometric when the range is positive and spans a decade, as learning rates are.</summary>
    public static Gen<double> In(double min, double max)
    {
        if (min == max)
        {
            return Gen.Constant(min);
        }
        var inside = min > 0 && max / min > 10
            ? Gen.Choose(0, 1000).Select(i => Clamp(min * Math.Pow(max / min, i / 1000.0), min, max))
            : Gen.OneOf(
                Gen.Choose(0, 1000).Select(i => Clamp(min + ((max - min) * i / 1000.0), min, max)),
                Gen.Choose(0, 997).Select(i => Clamp(min + ((max - min) * i / 997.0), min, max)));
        return Gen.Frequency((1, Gen.Constant(min)), (1, Gen.Constant(max)), (8, inside));
    }

    /// <summary>A fraction in [0, 1], the ends included.</summary>
    public static readonly Gen<double> Fraction = In(0, 1);

    /// <summary>A share of training in (0, 1) on a 1e-3 grid: a join with both sides.</summary>
    public static readonly Gen<double> InnerFraction = Gen.Choose(1, 999).Select(i => i / 1000.0);

    /// <summary>
    /// <paramref name="count"/> non-negative shares summing to 1 (within rounding), a zero share now and then
    /// (fastai allows zero-width parts).
    /// </summary>
    public static Gen<double[]> Shares(int count) =>
        from weights in Gen.Frequency((1, Gen.Constant(0)), (6, Gen.Choose(1, 10))).ArrayOf(count)
        let total = weights.Sum()
        select total == 0 ? [.. weights.Select(_ => 1.0 / count)] : weights.Select(w => w / (double)total).ToArray();

    /// <summary><paramref name="count"/> fractions in ascending order, repeats allowed.</summary>
    public static Gen<double[]> SortedFractions(int count) =>
        Fraction.ArrayOf(count).Select(f => f.Order().ToArray());

    private static double Clamp(double value, double min, double max) => Math.Min(Math.Max(value, min), max);
}
