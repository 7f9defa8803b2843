using SchedDsl.Torch;

namespace SchedDsl.Experiments;

/// <summary>What one fit of one arm at one seed ended with.</summary>
/// <param name="Accuracy">Test accuracy after the last epoch; NaN when training diverged.</param>
/// <param name="ValidLoss">Test loss after the last epoch; NaN when training diverged.</param>
/// <param name="EpochAccuracy">Test accuracy after each epoch (NaN from the epoch that diverged on).</param>
/// <param name="Diverged">The loop stopped on a non-finite loss (<see cref="TrainingDivergedException"/>).</param>
internal sealed record RunResult(double Accuracy, double ValidLoss, IReadOnlyList<double> EpochAccuracy, bool Diverged)
{
    /// <summary>Runs <paramref name="fit"/>; a diverged fit is a result (NaN), not a crash, so one bad arm does not end the experiment.</summary>
    public static RunResult Of(Learner learn, int epochs, Func<Recorder> fit)
    {
        try
        {
            return From(fit(), epochs, diverged: false);
        }
        catch (TrainingDivergedException)
        {
            return From(learn.Recorder, epochs, diverged: true);
        }
    }

    /// <summary>The log's words for this run.</summary>
    public string Describe() => Diverged ? "diverged" : $"test accuracy {Formats.Number(Accuracy * 100, "0.00")} %, loss {Formats.Number(ValidLoss, "0.0000")}";

    public static RunResult From(Recorder? recorder, int epochs, bool diverged)
    {
        var perEpoch = Enumerable.Range(0, epochs)
            .Select(e => recorder is not null && e < recorder.Epochs.Count ? recorder.Epochs[e].Metrics[0] : double.NaN).ToList();
        var last = diverged || recorder is null || recorder.Epochs.Count < epochs ? null : recorder.Epochs[^1];
        return new RunResult(last?.Metrics[0] ?? double.NaN, last?.ValidLoss ?? double.NaN, perEpoch, diverged);
    }
}
