using SchedDsl.LrFinding;
using Xunit;

namespace SchedDsl.Torch.Tests;

/// <summary>An LR finder's result to and from the JSON <c>schedsl suggest</c> reads (<see cref="LrFindCurve"/>'s format).</summary>
public sealed class LrFindResultJsonTests
{
    [Fact]
    public void A_run_round_trips_with_its_num_it_and_suggestions()
    {
        using var learn = Synth.MlpLearner(nTrain: 8);
        var found = learn.LrFind(numIt: 30, stopDiv: false);
        Assert.Equal(30, found.NumIt);
        var back = LrFindResult.FromJson(found.ToJson());
        Assert.Equal(30, back.NumIt);
        Assert.False(back.StoppedEarly);
        Assert.Equal(found.Lrs, back.Lrs);
        Assert.Equal(found.Losses, back.Losses);
        Assert.Equal(found.Suggestions, back.Suggestions);
        Assert.Equal(found.Suggestions?.Details, found.Curve.Suggest());
    }

    [Fact]
    public void A_result_made_by_hand_takes_its_points_as_num_it()
    {
        var result = new LrFindResult([1e-3, 1e-2], [1.0, 0.5], null, false);
        Assert.Equal(2, result.NumIt);
        Assert.Equal("""{"lrs":[0.001,0.01],"losses":[1,0.5],"num_it":2}""", result.ToJson());
        Assert.Throws<ArgumentOutOfRangeException>(() => result with { NumIt = -1 });
        // A run that stopped early has fewer points than the batches asked for: read back, it says so.
        Assert.True(LrFindResult.FromJson((result with { NumIt = 100 }).ToJson()).StoppedEarly);
    }
}
