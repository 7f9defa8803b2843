using Xunit;

namespace SchedDsl.Torch.Tests;

/// <summary>LrFind's argument checks throw what its docs say (issue 12, B8).</summary>
public sealed class LrFindArgumentTests
{
    [Theory]
    [InlineData(0.0, 10.0, "lr_finder: start_lr must be > 0, got 0")]
    [InlineData(1e-300, 1e9, "lr_finder: end_lr must keep end_lr/start_lr a number in [0, ")]
    public void Bad_rates_throw_the_documented_SchedArgumentException(double startLr, double endLr, string message)
    {
        using var learn = Synth.MlpLearner(nTrain: 2);
        var error = Assert.Throws<SchedArgumentException>(() => learn.LrFind(startLr, endLr, numIt: 5));
        Assert.StartsWith(message, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void NumIt_below_one_throws_the_documented_ArgumentOutOfRangeException()
    {
        using var learn = Synth.MlpLearner(nTrain: 2);
        Assert.Throws<ArgumentOutOfRangeException>(() => learn.LrFind(numIt: 0));
    }

    [Fact]
    public void NumIt_above_the_bound_is_refused_naming_the_range_not_an_overflow()
    {
        // fastai's num_it // batches + 1 once overflowed int to -2147483648 ("epochs must be >= 1"); the recording is
        // sized up front, so the finder states its bound instead.
        using var learn = Synth.MlpLearner(nTrain: 1);
        var error = Assert.Throws<ArgumentOutOfRangeException>(() => learn.LrFind(numIt: int.MaxValue));
        Assert.Contains($"numIt must be in [1, {Learner.MaxLrFindIterations}], got {int.MaxValue}", error.Message, StringComparison.Ordinal);
    }
}
