using SchedDsl.LrFinding;
using Xunit;
using static SchedDsl.Core.Tests.LrFinding.ReferenceCurves;

namespace SchedDsl.Core.Tests.LrFinding;

/// <summary><see cref="LrFindSpread"/>: each suggestion over several runs, its median on a log scale and its range.</summary>
public sealed class LrFindSpreadTests
{
    private static SuggestedLr At(double lr) => new(lr, 0, lr, 1.0);

    private static LrSuggestionSet Set(double minimum, double steep, double valley, double? slide) =>
        new(At(minimum), At(steep), At(valley), slide is { } s ? At(s) : null);

    [Fact]
    public void Odd_count_median_is_the_middle_run_and_the_range_is_lowest_to_highest()
    {
        var spread = LrFindSpread.OfSuggestions([Set(1e-4, 1e-3, 1e-3, 1e-3), Set(1e-4, 1e-3, 1e-2, 1e-3), Set(1e-4, 1e-3, 3e-3, 1e-3)]);
        var valley = spread.Valley!;
        Assert.Equal((1e-3, 3e-3, 1e-2), (valley.Low, valley.Median, valley.High));
        Assert.Equal([1e-3, 1e-2, 3e-3], valley.PerRun); // run order, not sorted
        Assert.Equal(1e-2 / 1e-3, valley.Factor);
        Assert.Equal(3, spread.Runs);
    }

    [Fact]
    public void Even_count_median_is_the_geometric_mean_of_the_middle_two_the_median_of_log10_lr()
    {
        var spread = LrFindSpread.OfSuggestions([Set(1e-4, 1e-3, 1e-3, null), Set(1e-4, 1e-3, 4e-3, null)]);
        // 10^((log10 1e-3 + log10 4e-3) / 2) = 2e-3; the arithmetic mean would be 2.5e-3. Tolerance: a few ulps of sqrt.
        Assert.Equal(2e-3, spread.Valley!.Median, 1e-15);
        Assert.Equal("valley 2.0e-3 (1.0e-3 … 4.0e-3, ×4.0 over 2 of 2 runs)", spread.Valley.ToString());
    }

    [Fact]
    public void A_run_without_a_suggestion_is_null_in_PerRun_and_left_out_of_the_statistics()
    {
        var spread = LrFindSpread.OfSuggestions([Set(1e-4, 1e-3, 1e-3, 5e-4), null, Set(1e-4, 1e-3, 1e-3, null)]);
        var slide = spread.Slide!;
        Assert.Equal([5e-4, null, null], slide.PerRun);
        Assert.Equal((1, 5e-4, 5e-4, 5e-4), (slide.Count, slide.Low, slide.Median, slide.High));
        Assert.Equal(2, spread.Valley!.Count);
        Assert.Null(LrFindSpread.OfSuggestions([Set(1e-4, 1e-3, 1e-3, null)]).Slide);
    }

    [Fact]
    public void No_run_is_refused()
    {
        var error = Assert.Throws<ArgumentException>(() => LrFindSpread.OfSuggestions([]));
        Assert.StartsWith("a spread needs at least one run, got none", error.Message, StringComparison.Ordinal);
        Assert.Throws<ArgumentException>(() => LrFindSpread.Of([]));
    }

    [Fact]
    public void Curves_of_different_lengths_are_each_suggested_as_lr_find_suggests_then_aggregated()
    {
        var curves = Names.Select(name => Curve(name)).Select(c => new LrFindCurve(c.Lrs, c.Losses, c.NumIt)).ToArray();
        Assert.True(curves.Select(c => c.Lrs.Count).Distinct().Count() > 1); // the reference curves differ in length
        var spread = LrFindSpread.Of(curves);
        Assert.Equal(curves.Select(c => c.Suggest()), spread.PerRun);
        foreach (var method in Enum.GetValues<LrSuggestionMethod>())
        {
            var values = curves.Select(c => c.Suggest()?[method]?.Lr).ToArray();
            Assert.Equal(values, spread[method]?.PerRun ?? []);
        }
    }

    [Fact]
    public void Band_is_the_lowest_median_and_highest_loss_at_each_lr_of_the_curves_that_reach_it()
    {
        double[] lrs = [1e-4, 1e-3, 1e-2, 1e-1];
        LrFindCurve[] curves = [new(lrs, [3, 2, 1, 4], 4), new(lrs, [5, 1, 2, 6], 4), new(lrs[..2], [4, 3], 4)];
        var band = LrFindBand.Of(curves, skipEnd: 0);
        Assert.Equal(lrs, band.Lrs);
        Assert.Equal([3.0, 1, 1, 4], band.Low);
        Assert.Equal([4.0, 2, 1.5, 5], band.Median); // two curves reach 1e-2 and 1e-1: the mean of the middle two
        Assert.Equal([5.0, 3, 2, 6], band.High);
        Assert.Equal([3, 3, 2, 2], band.Count);
        // Read on log10(lr): a curve on another grid contributes its interpolated loss.
        var shifted = LrFindBand.Of([new(lrs, [1, 1, 1, 1], 4), new([1e-4, 1e-2], [2, 4], 2)], skipEnd: 0);
        Assert.Equal(3.0, shifted.High[1], 1e-12); // halfway between 2 and 4 on the log axis at 1e-3
    }
}
