using FsCheck;
using FsCheck.Fluent;
using Xunit;

namespace SchedDsl.Progress.Tests;

public sealed class ProgressLineTests
{
    [Fact]
    public void ShowsPercentCountsElapsedEtaAndSmoothedLoss()
    {
        var line = ProgressLine.Format("epoch 2/5", 25, 100, TimeSpan.FromSeconds(10), 0.123456, 120, unicode: false);
        Assert.StartsWith("epoch 2/5 ##########------------------------------ ", line, StringComparison.Ordinal);
        Assert.EndsWith(" 25% 25/100 00:10<00:30 loss 0.1235", line, StringComparison.Ordinal);
    }

    [Fact]
    public void BeforeTheFirstBatch_EtaAndLossAreUnknown()
    {
        var line = ProgressLine.Format("epoch 1/1", 0, 10, TimeSpan.Zero, double.NaN, 120, unicode: true);
        Assert.EndsWith("0% 0/10 00:00<--:-- loss -", line, StringComparison.Ordinal);
    }

    [Fact]
    public void AtFortyColumns_KeepsTheBarAndDropsDetails()
    {
        var line = ProgressLine.Format("epoch 10/10", 117, 234, TimeSpan.FromSeconds(80), 0.5, 40, unicode: true);
        Assert.Equal("epoch 10/10 ━━━━━━━━──────── 50% 0.5000", line);
    }

    [Fact]
    public void ShowsTheStepTheClocksValueAndTheSkippedUpdates_AndKeepsTheSkipsLongest()
    {
        var line = ProgressLine.Format("epoch 2/5", 25, 100, TimeSpan.FromSeconds(10), 0.5, 200, unicode: false, "step 125 samples 16000", skipped: 3);
        Assert.EndsWith(" 25% 25/100 00:10<00:30 loss 0.5000 step 125 samples 16000 skipped 3", line, StringComparison.Ordinal);
        // Narrower: the clock goes before the skipped updates do.
        var narrow = ProgressLine.Format("epoch 2/5", 25, 100, TimeSpan.FromSeconds(10), 0.5, 70, unicode: false, "step 125 samples 16000", skipped: 3);
        Assert.EndsWith(" 25% 25/100 00:10<00:30 loss 0.5000 skipped 3", narrow, StringComparison.Ordinal);
        // No skipped update, nothing said about them.
        Assert.DoesNotContain("skipped", ProgressLine.Format("epoch 2/5", 25, 100, TimeSpan.FromSeconds(10), 0.5, 200, unicode: false, "step 125"), StringComparison.Ordinal);
    }

    [Fact]
    public void NeverReachesTheLastColumn() =>
        Prop.ForAll(Gen.Choose(1, 200).ToArbitrary(), Gen.Choose(0, 5000).ToArbitrary(), (width, done) =>
            ProgressLine.Format("epoch 12/100", done, 5000, TimeSpan.FromSeconds(done), 1234.5, width, unicode: true, "step 123456 tokens 1234567890", skipped: 12).Length <= Math.Max(width - 1, 1))
        .QuickCheckThrowOnFailure();
}
