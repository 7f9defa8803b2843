using Xunit;

namespace SchedDsl.Experiments.Tests;

public sealed class ComparisonTests
{
    private static readonly Summary[] Arms =
    [
        new(0.80, 0.01, 3, 0),
        new(0.90, 0.01, 3, 0),
        new(0.895, 0.01, 3, 0),
        new(double.NaN, double.NaN, 0, 3),
    ];

    [Fact]
    public void The_best_arm_has_the_highest_finite_mean() => Assert.Equal(1, Comparison.Best(Arms));

    [Fact]
    public void Each_arm_reads_against_the_best()
    {
        Assert.Equal("best", Comparison.VersusBest(Arms, 1));
        Assert.Equal("within spread (−0.50 pts)", Comparison.VersusBest(Arms, 2));
        Assert.Equal("−10.00 pts", Comparison.VersusBest(Arms, 0));
        Assert.Equal("—", Comparison.VersusBest(Arms, 3));
    }

    [Theory]
    [InlineData(-0.0123, "−1.23")]
    [InlineData(0.0123, "+1.23")]
    [InlineData(-0.000001, "±0.00")] // a tiny negative difference once printed as "-+0.00"
    [InlineData(0.0, "±0.00")]
    public void Differences_read_in_signed_percentage_points(double difference, string expected) =>
        Assert.Equal(expected, Comparison.Points(difference));
}
