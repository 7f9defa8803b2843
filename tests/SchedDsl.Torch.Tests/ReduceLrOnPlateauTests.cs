using Xunit;

namespace SchedDsl.Torch.Tests;

public sealed class ReduceLrOnPlateauTests
{
    [Fact]
    public void Reduces_AfterPatience_AndComposesWithTheSchedule()
    {
        using var learn = Synth.RegLearner(lr: 1e-2);
        // threshold 10 (relative): best * (1 - 10) is -inf at first and negative after, so no epoch is ever better
        // (as in PyTorch); with patience 1 the rate is cut after epochs 1, 3 and 5 (bad epochs > patience, then from 0).
        var plateau = new ReduceLrOnPlateau(factor: 0.5, patience: 1, threshold: 10);
        var recorder = learn.FitFlatCos(6, lr: 1e-2, pctStart: 0.5, callbacks: [plateau]);
        Assert.Equal([1, 3, 5], plateau.Reductions);
        var expected = Sched.FlatCos(1e-2, pctStart: 0.5).Sample(60).Select((v, i) => v * (i >= 40 ? 0.25 : i >= 20 ? 0.5 : 1)).ToArray();
        Close.Equal(expected, recorder.Lrs);
    }

    [Fact]
    public void MinLr_BoundsTheReduction_AndMetricsAreMonitoredByName()
    {
        using var learn = Synth.RegLearner(lr: 1e-2);
        var plateau = new ReduceLrOnPlateau(monitor: "train_loss", mode: PlateauMode.Max, factor: 0.1, patience: 0, threshold: 10, minLr: 4e-3);
        var recorder = learn.Fit(3, lr: 1e-2, callbacks: [plateau]);
        // Max mode: epoch 0 sets the best; epochs 1 and 2 are bad (patience 0): 1e-2 -> max(1e-3, 4e-3), then no change.
        Assert.Equal([1, 2], plateau.Reductions);
        Assert.Equal(4e-3, recorder.Lrs[^1], 12);
        var missing = new ReduceLrOnPlateau(monitor: "f1");
        Assert.Contains("f1", Assert.Throws<InvalidOperationException>(() => learn.Fit(1, callbacks: [missing])).Message, StringComparison.Ordinal);
        Assert.Equal("plateau: factor must be in (0, 1), got 1", Assert.Throws<SchedArgumentException>(() => new ReduceLrOnPlateau(factor: 1)).Message);
    }
}
