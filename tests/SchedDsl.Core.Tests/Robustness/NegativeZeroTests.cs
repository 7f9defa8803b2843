using Xunit;

namespace SchedDsl.Core.Tests.Robustness;

/// <summary>B8 of issue 12: a parameter of -0 whose default is 0 is printed, so the text keeps every double bit for bit.</summary>
public sealed class NegativeZeroTests
{
    [Fact]
    public void Minus_zero_equal_to_a_default_of_zero_is_printed_and_parses_back_as_minus_zero()
    {
        var sched = Sched.SgdrDecay(0.1, 3, lrMin: -0.0);
        var text = sched.ToString();
        Assert.Contains("lr_min=-0", text, StringComparison.Ordinal);
        Assert.Equal(text, Sched.Parse(text).ToString());
        Assert.DoesNotContain("lr_min", Sched.SgdrDecay(0.1, 3, lrMin: 0.0).ToString(), StringComparison.Ordinal);
    }
}
