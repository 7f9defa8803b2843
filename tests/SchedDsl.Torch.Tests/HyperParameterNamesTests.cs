using Xunit;

namespace SchedDsl.Torch.Tests;

public sealed class HyperParameterNamesTests
{
    [Fact]
    public void Every_hyper_parameter_round_trips_through_fastai_s_name()
    {
        Assert.Equal(["lr", "mom", "sqr_mom", "wd", "eps"], Enum.GetValues<HyperParameter>().Select(h => h.FastaiName()));
        Assert.All(Enum.GetValues<HyperParameter>(), h => Assert.Equal(h, HyperParameterNames.Parse(h.FastaiName())));
    }

    [Fact]
    public void An_unknown_name_lists_the_known_ones()
    {
        Assert.False(HyperParameterNames.TryParse("momentum", out _));
        var e = Assert.Throws<ArgumentException>(() => HyperParameterNames.Parse("beta1"));
        Assert.Contains("expected one of lr, mom, sqr_mom, wd, eps", e.Message, StringComparison.Ordinal);
    }
}
