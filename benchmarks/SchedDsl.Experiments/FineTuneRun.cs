using SchedDsl.Torch;

namespace SchedDsl.Experiments;

/// <summary>One fine-tuning run: accuracy after each phase, and the training loss per batch across the unfreeze.</summary>
/// <param name="FrozenAccuracy">Test accuracy (classes 5–9) after the frozen phase.</param>
/// <param name="FinalAccuracy">Test accuracy after the unfrozen phase; NaN when it diverged.</param>
/// <param name="Losses">Smoothed training loss per batch (the recorder's), frozen phase first.</param>
/// <param name="RawLosses">Raw training loss per batch, frozen phase first.</param>
/// <param name="UnfreezeIndex">The first batch of the unfrozen phase in <paramref name="Losses"/>.</param>
internal sealed record FineTuneRun(double FrozenAccuracy, double FinalAccuracy, IReadOnlyList<double> Losses, IReadOnlyList<double> RawLosses, int UnfreezeIndex)
{
    public static FineTuneRun From(FineTuneResult result)
    {
        var frozen = result.Frozen ?? throw new InvalidOperationException("experiment 3 always trains a frozen phase");
        return new FineTuneRun(
            frozen.Epochs[^1].Metrics[0],
            result.Unfrozen.Epochs[^1].Metrics[0],
            [.. frozen.Losses, .. result.Unfrozen.Losses],
            [.. frozen.RawLosses, .. result.Unfrozen.RawLosses],
            frozen.Losses.Count);
    }

    /// <summary>
    /// The bump the post says discriminative rates smooth: the mean raw loss over the first <paramref name="window"/>
    /// unfrozen batches minus the mean over the last <paramref name="window"/> frozen ones (positive: loss went up).
    /// </summary>
    public double Bump(int window)
    {
        var before = RawLosses.Skip(UnfreezeIndex - window).Take(window).Average();
        var after = RawLosses.Skip(UnfreezeIndex).Take(window).Average();
        return after - before;
    }
}
