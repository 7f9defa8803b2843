using FsCheck;
using FsCheck.Fluent;
using FsCheck.Xunit;
using SchedDsl.Core.Tests.Laws;
using SchedDsl.LrFinding;

namespace SchedDsl.Core.Tests.LrFinding;

/// <summary>Laws of the suggestion functions and of the trimming, over generated LR-finder curves.</summary>
public sealed class LrSuggestionsLaws
{
    /// <summary>
    /// Curves of 1-60 points: increasing lrs (a start in [1e-8, 1e-2], a ratio per point in (1, 2]) and losses on a
    /// coarse grid in [0, 5] so that ties happen; NaN losses sometimes, never all of them.
    /// </summary>
    private static readonly Gen<(double[] Lrs, double[] Losses)> Curves =
        from n in Gen.Choose(1, 60)
        from start in Gen.Choose(-8, -2).Select(e => Math.Pow(10, e))
        from ratio in Gen.Choose(101, 200).Select(r => r / 100.0)
        from losses in Gen.Frequency(
            (9, Gen.Choose(0, 50).Select(i => i / 10.0)),
            (1, Gen.Constant(double.NaN))).ArrayOf(n)
        where losses.Any(l => !double.IsNaN(l))
        select (Enumerable.Range(0, n).Select(i => start * Math.Pow(ratio, i)).ToArray(), losses);

    private static readonly Gen<(double[] Lrs, double[] Losses)> FiniteCurves =
        Curves.Select(c => (c.Lrs, c.Losses.Select(l => double.IsNaN(l) ? 1.0 : l).ToArray()));

    [Property(MaxTest = 100)]
    public Property Each_suggestion_is_one_of_the_given_lrs_or_a_tenth_of_one_for_minimum() =>
        Prop.ForAll(Curves.ToArbitrary(), c =>
        {
            var all = LrSuggestions.All(c.Lrs, c.Losses);
            bool At(SuggestedLr? s) => s is not { } v || (v.Index >= 0 && v.Index < c.Lrs.Length && c.Lrs[v.Index] == v.PointLr);
            return At(all.Minimum) && all.Minimum!.Value.Lr == all.Minimum.Value.PointLr / 10
                && At(all.Steep) && At(all.Valley) && At(all.Slide)
                && (all.Steep is not { } steep || steep.Lr == steep.PointLr)
                && all.Valley!.Value.Lr == all.Valley.Value.PointLr
                && (all.Slide is not { } slide || slide.Lr == slide.PointLr);
        });

    [Property(MaxTest = 100)]
    public Property Minimum_is_at_the_first_lowest_loss() =>
        Prop.ForAll(FiniteCurves.ToArbitrary(), c =>
        {
            var s = LrSuggestions.Minimum(c.Lrs, c.Losses);
            return s.PointLoss == c.Losses.Min() && Array.IndexOf(c.Losses, c.Losses.Min()) == s.Index;
        });

    [Property(MaxTest = 100)]
    public Property Steep_is_at_the_most_negative_slope() =>
        Prop.ForAll(FiniteCurves.Where(c => c.Lrs.Length >= 2).ToArbitrary(), c =>
        {
            double Slope(int i) => (c.Losses[i + 1] - c.Losses[i]) / (Math.Log(c.Lrs[i + 1]) - Math.Log(c.Lrs[i]));
            var s = LrSuggestions.Steep(c.Lrs, c.Losses);
            return Enumerable.Range(0, c.Lrs.Length - 1).All(i => Slope(s.Index) <= Slope(i));
        });

    [Property(MaxTest = 100)]
    public Property Minimum_steep_and_valley_do_not_depend_on_the_loss_scale() =>
        // Multiplying by a power of two is exact, so every comparison keeps its outcome. (slide has an absolute
        // threshold, so it does depend on the scale, as in fastai.)
        Prop.ForAll(LawGens.Zip(FiniteCurves.Where(c => c.Lrs.Length >= 2), Gen.Choose(-10, 10)).ToArbitrary(), t =>
        {
            var ((lrs, losses), e) = t;
            var scaled = losses.Select(l => l * Math.Pow(2, e)).ToArray();
            return LrSuggestions.Minimum(lrs, losses).Index == LrSuggestions.Minimum(lrs, scaled).Index
                && LrSuggestions.Steep(lrs, losses).Index == LrSuggestions.Steep(lrs, scaled).Index
                && LrSuggestions.Valley(lrs, losses).Index == LrSuggestions.Valley(lrs, scaled).Index;
        });

    [Property(MaxTest = 100)]
    public Property Trimming_never_lengthens_and_leaves_no_nan() =>
        Prop.ForAll(LawGens.Zip(Curves, Gen.Choose(0, 200)).ToArbitrary(), t =>
        {
            var ((lrs, losses), numIt) = t;
            var range = LrCurve.TrimmedRange(lrs, losses, numIt);
            var (start, stop) = (range.Start.Value, range.End.Value);
            var (trimmedLrs, trimmedLosses) = LrCurve.Trim(lrs, losses, numIt);
            return start <= stop && stop <= lrs.Length
                && stop - start <= Math.Max(0, lrs.Length - (numIt / 10) - 5)
                && trimmedLrs.Length == stop - start && trimmedLosses.Length == trimmedLrs.Length
                && !trimmedLosses.Any(double.IsNaN)
                && trimmedLrs.SequenceEqual(lrs[range]);
        });

    [Property(MaxTest = 100)]
    public Property Trimming_keeps_everything_before_the_first_nan_of_the_window() =>
        Prop.ForAll(LawGens.Zip(Curves, Gen.Choose(0, 200)).ToArbitrary(), t =>
        {
            var ((lrs, losses), numIt) = t;
            var range = LrCurve.TrimmedRange(lrs, losses, numIt);
            var windowEnd = Math.Max(Math.Min(numIt / 10, lrs.Length), lrs.Length - 5);
            return range.End.Value == windowEnd || double.IsNaN(losses[range.End.Value]);
        });
}
