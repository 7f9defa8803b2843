using SchedDsl.Torch;

namespace SchedDsl.Experiments;

/// <summary>One fit of experiments 4–7: where it ended, each epoch on the way, and the samples it trained on.</summary>
/// <param name="Accuracy">Test accuracy after the last epoch; NaN when training diverged.</param>
/// <param name="Loss">Test loss after the last epoch; NaN when training diverged.</param>
/// <param name="EpochAccuracy">Test accuracy after each epoch this fit trained.</param>
/// <param name="EpochLoss">Test loss after each epoch this fit trained.</param>
/// <param name="Samples">Training samples this fit passed forward and backward: its compute.</param>
/// <param name="Diverged">The loop stopped on a non-finite loss.</param>
internal sealed record TrainedRun(double Accuracy, double Loss, IReadOnlyList<double> EpochAccuracy, IReadOnlyList<double> EpochLoss, long Samples, bool Diverged)
{
    /// <summary>Runs <paramref name="fit"/>; a diverged fit is a result (NaN), not a crash, as in <see cref="RunResult.Of"/>.</summary>
    public static TrainedRun Of(Learner learn, Func<Recorder> fit)
    {
        try
        {
            return From(fit(), diverged: false);
        }
        catch (TrainingDivergedException)
        {
            return From(learn.Recorder, diverged: true);
        }
    }

    /// <summary>The log's words for this run.</summary>
    public string Describe() => Diverged ? "diverged" : $"test accuracy {Formats.Number(Accuracy * 100, "0.00")} %, loss {Formats.Number(Loss, "0.0000")}";

    private static TrainedRun From(Recorder? recorder, bool diverged)
    {
        var epochs = recorder?.Epochs ?? [];
        var last = diverged || epochs.Count == 0 ? null : epochs[^1];
        return new TrainedRun(last?.Metrics[0] ?? double.NaN, last?.ValidLoss ?? double.NaN, [.. epochs.Select(e => e.Metrics[0])], [.. epochs.Select(e => e.ValidLoss ?? double.NaN)], SamplesOf(recorder), diverged);
    }

    /// <summary>
    /// The samples of the batches the fit trained: the recorder's count before its last batch, plus that batch, minus
    /// the count before its first (a branch starts at the trunk's count). The last batch's rows are the average
    /// batch's, exact for a source that drops partial batches, as experiments 4–6 use.
    /// </summary>
    private static long SamplesOf(Recorder? recorder)
    {
        if (recorder is null || recorder.Samples.Count == 0)
        {
            return 0;
        }
        var samples = recorder.Samples;
        var batch = samples.Count > 1 ? (samples[^1] - samples[0]) / (samples.Count - 1) : 0;
        return samples[^1] + batch - samples[0];
    }
}
