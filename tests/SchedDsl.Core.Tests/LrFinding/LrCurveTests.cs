using SchedDsl.LrFinding;
using Xunit;
using static SchedDsl.Core.Tests.LrFinding.ReferenceCurves;

namespace SchedDsl.Core.Tests.LrFinding;

/// <summary><see cref="LrCurve"/>: <c>lr_find</c>'s <c>[num_it//10:-5]</c> slice and its cut at the first NaN.</summary>
public sealed class LrCurveTests
{
    public static TheoryData<string> CurveNames() => [.. Names];

    [Theory]
    [MemberData(nameof(CurveNames))]
    public void Trimmed_range_is_the_one_lr_find_used(string name)
    {
        var (lrs, losses, numIt) = Curve(name);
        Assert.Equal(TrimmedRange(name), LrCurve.TrimmedRange(lrs, losses, numIt));
        var (trimmedLrs, trimmedLosses) = LrCurve.Trim(lrs, losses, numIt);
        Assert.Equal(lrs[TrimmedRange(name)], trimmedLrs);
        Assert.Equal(losses[TrimmedRange(name)], trimmedLosses);
    }

    [Fact]
    public void Nan_tail_is_cut_at_the_first_nan()
    {
        var (lrs, losses, numIt) = Curve("nan_tail");
        Assert.True(double.IsNaN(losses[80]));
        Assert.Equal(10..80, LrCurve.TrimmedRange(lrs, losses, numIt));
    }

    [Theory]
    [InlineData(100, 20, 10, 15)]   // drops num_it//10 = 10 in front and 5 at the end
    [InlineData(100, 12, 10, 10)]   // nothing left: empty, not an error (fastai's slice is empty too)
    [InlineData(100, 3, 3, 3)]      // fewer points than either cut
    [InlineData(9, 20, 0, 15)]      // num_it < 10 drops nothing in front
    [InlineData(0, 7, 0, 2)]
    public void Slices_like_python(int numIt, int count, int start, int stop)
    {
        var lrs = Enumerable.Range(1, count).Select(i => i * 1e-3).ToArray();
        var losses = Enumerable.Repeat(1.0, count).ToArray();
        Assert.Equal(start..stop, LrCurve.TrimmedRange(lrs, losses, numIt));
    }

    [Fact]
    public void A_nan_in_the_dropped_tail_does_not_cut()
    {
        double[] losses = [1, 1, 1, 1, 1, 1, 1, 1, double.NaN, 1];
        var lrs = Enumerable.Range(1, 10).Select(i => i * 1e-3).ToArray();
        Assert.Equal(0..5, LrCurve.TrimmedRange(lrs, losses, 5));
    }

    [Fact]
    public void Infinity_does_not_cut_only_nan_does()
    {
        double[] losses = [1, double.PositiveInfinity, 1, 1, 1, 1, 1, 1];
        var lrs = Enumerable.Range(1, 8).Select(i => i * 1e-3).ToArray();
        Assert.Equal(0..3, LrCurve.TrimmedRange(lrs, losses, 1));
    }

    [Fact]
    public void Errors_name_the_problem()
    {
        var lengths = Assert.Throws<SchedArgumentException>(() => LrCurve.Trim([1e-3, 1e-2], [1.0], 100));
        Assert.StartsWith("lr_find: losses must have one value per learning rate: lrs has 2 points, losses has 1", lengths.Message, StringComparison.Ordinal);
        var numIt = Assert.Throws<SchedArgumentException>(() => LrCurve.TrimmedRange([1e-3], [1.0], -1));
        Assert.StartsWith("lr_find: num_it must be >= 0, got -1", numIt.Message, StringComparison.Ordinal);
    }
}
