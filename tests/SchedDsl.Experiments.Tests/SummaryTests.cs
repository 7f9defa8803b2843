using Xunit;

namespace SchedDsl.Experiments.Tests;

public sealed class SummaryTests
{
    // Tolerance: the values are sums of a few doubles near 1; 1e-12 is far above their rounding and far below any real difference.
    private const double Tolerance = 1e-12;

    [Fact]
    public void Mean_and_sample_std_divide_by_n_minus_1()
    {
        var s = Summary.Of([0.80, 0.82, 0.84]);
        Assert.Equal(0.82, s.Mean, Tolerance);
        Assert.Equal(0.02, s.Std, Tolerance);
        Assert.Equal(3, s.Count);
        Assert.Equal(0, s.Missing);
    }

    [Fact]
    public void NaN_values_are_left_out_and_counted_as_missing()
    {
        var s = Summary.Of([0.5, double.NaN, 0.7]);
        Assert.Equal(0.6, s.Mean, Tolerance);
        Assert.Equal(2, s.Count);
        Assert.Equal(1, s.Missing);
    }

    [Fact]
    public void One_value_has_no_spread_and_none_has_no_mean()
    {
        Assert.True(double.IsNaN(Summary.Of([0.9]).Std));
        var none = Summary.Of([double.NaN, double.NaN]);
        Assert.True(double.IsNaN(none.Mean));
        Assert.Equal(2, none.Missing);
    }

    [Theory]
    [InlineData(0.85, 0.01, 0.86, 0.02, true)] // |Δ| 0.01 < the larger std 0.02
    [InlineData(0.85, 0.02, 0.86, 0.001, true)] // the larger std may be either arm's
    [InlineData(0.85, 0.005, 0.86, 0.005, false)] // |Δ| 0.01 > 0.005
    [InlineData(0.85, double.NaN, 0.86, 0.05, false)] // an unknown spread decides nothing
    public void Within_spread_when_the_difference_is_below_the_larger_std(double mean, double std, double otherMean, double otherStd, bool within) =>
        Assert.Equal(within, new Summary(mean, std, 3, 0).WithinSpreadOf(new Summary(otherMean, otherStd, 3, 0)));
}
