using SchedDsl.LrFinding;
using Xunit;

namespace SchedDsl.Core.Tests.LrFinding;

/// <summary>
/// fastai's behaviour kept on purpose, on small hand-worked curves (each expected value traced through fastai's
/// Python by hand in the comment).
/// </summary>
public sealed class LrSuggestionsQuirkTests
{
    private static readonly double[] Lrs = [1e-4, 1e-3, 1e-2, 1e-1, 1, 10];

    [Fact]
    public void Valley_suggests_a_third_plus_a_sixth_into_the_longest_descent()
    {
        // lds = [1,2,3,4,5,6]; max_end = 5, max_start = 5 - 6 = -1; sections = 2; idx = -1 + 2 + 1 = 2.
        var s = LrSuggestions.Valley(Lrs, [6, 5, 4, 3, 2, 1]);
        Assert.Equal(new SuggestedLr(1e-2, 2, 1e-2, 4), s);
    }

    [Fact]
    public void Valley_index_minus_one_wraps_to_the_last_point_as_python_indexing_does()
    {
        // lds = [1,2,1,1]; max_end = 1, max_start = 1 - 2 = -1; sections = 2/3; idx = -1 + 0 + 0 = -1 -> lrs[-1].
        var s = LrSuggestions.Valley(Lrs.AsSpan(..4), [2, 1, 3, 4]);
        Assert.Equal(new SuggestedLr(1e-1, 3, 1e-1, 4), s);
    }

    [Fact]
    public void Valley_checks_for_a_longer_run_inside_the_inner_loop()
    {
        // The check runs for every j, so max_end moves to i as soon as lds[i] first exceeds lds[max_end], with the
        // length known at that j: for [3, 1, 2, 0], i = 3 reaches lds 2 at j = 0 (max_end = 3, max_start = 1) and
        // 3 at j = 2 (max_start = 0). Either way idx = max_start + int(sections) + int(sections / 2) = 0 + 1 + 0.
        var s = LrSuggestions.Valley(Lrs.AsSpan(..4), [3, 1, 2, 0]);
        Assert.Equal(1, s.Index);
    }

    [Fact]
    public void Minimum_takes_the_first_lowest_loss_and_suggests_a_tenth()
    {
        var s = LrSuggestions.Minimum(Lrs.AsSpan(..4), [3, 1, 2, 1]);
        Assert.Equal(new SuggestedLr(1e-3 / 10, 1, 1e-3, 1), s);
    }

    [Fact]
    public void Minimum_treats_nan_as_the_lowest_loss_as_torch_argmin_does()
    {
        // torch.tensor([3., nan, 1., nan]).argmin() == 1; the reference curve nan_tail (untrimmed) shows the same.
        var s = LrSuggestions.Minimum(Lrs.AsSpan(..4), [3, double.NaN, 1, double.NaN]);
        Assert.Equal(1, s.Index);
        Assert.Equal(1e-4, s.Lr, 1e-18);
        Assert.True(double.IsNaN(s.PointLoss));
    }

    [Fact]
    public void Steep_takes_the_left_end_of_the_steepest_segment()
    {
        // Slopes against ln(lr): [-1, -2, -2, 1, 0] / ln 10 up to rounding: segment 1 or 2, the left end of it.
        var s = LrSuggestions.Steep(Lrs, [5, 4, 2, 0, 1, 1]);
        Assert.InRange(s.Index, 1, 2);
        Assert.Equal(Lrs[s.Index], s.Lr);
    }

    [Fact]
    public void Steep_takes_the_first_of_two_equally_steep_segments()
    {
        // Segments 0 and 2 run between the same two lrs, so their slopes are bit-identical: torch.argmin takes 0.
        var s = LrSuggestions.Steep([1e-3, 1e-2, 1e-3, 1e-2], [5, 3, 5, 3]);
        Assert.Equal(new SuggestedLr(1e-3, 0, 1e-3, 5), s);
    }

    [Fact]
    public void Steep_treats_a_nan_slope_as_the_steepest()
    {
        var s = LrSuggestions.Steep(Lrs, [5, 4, 0, double.NaN, 1, 1]);
        Assert.Equal(2, s.Index); // segment 2 -> 3 is NaN
    }

    [Fact]
    public void Slide_stops_at_once_on_a_straight_line()
    {
        // Constant gradient: |g[-1] - g[-16]| = 0 <= thresh, so the first window's left end, lrs[-16], is suggested.
        var lrs = Enumerable.Range(0, 20).Select(i => Math.Pow(10, (i / 4.0) - 6)).ToArray();
        var losses = Enumerable.Range(0, 20).Select(i => 3 - (0.1 * i)).ToArray();
        var s = LrSuggestions.Slide(lrs, losses);
        Assert.Equal(4, s.Index);
        Assert.Equal(lrs[4], s.Lr);
        Assert.Equal(losses[4], s.PointLoss);
    }

    [Fact]
    public void Slide_adjust_value_scales_the_lr_and_interpolates_the_loss_on_log10_lr()
    {
        var lrs = Enumerable.Range(0, 20).Select(i => Math.Pow(10, i - 10.0)).ToArray();
        var losses = Enumerable.Range(0, 20).Select(i => 3 - (0.1 * i)).ToArray();
        var s = LrSuggestions.Slide(lrs, losses, adjustValue: Math.Sqrt(10));
        Assert.Equal(4, s.Index);
        Assert.Equal(lrs[4] * Math.Sqrt(10), s.Lr);
        Assert.Equal(s.Lr, s.PointLr);
        // Half a decade past lrs[4]: halfway between losses[4] and losses[5].
        Assert.Equal((losses[4] + losses[5]) / 2, s.PointLoss, 1e-12);
    }
}
