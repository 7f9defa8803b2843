namespace SchedDsl.Torch;

/// <summary>One row of fastai's results table.</summary>
/// <param name="Epoch">The epoch, from 0.</param>
/// <param name="TrainLoss">fastai's <c>train_loss</c>: the smoothed training loss at the end of the epoch.</param>
/// <param name="ValidLoss">The mean validation loss, or null without validation data.</param>
/// <param name="Metrics">The metric values, in <see cref="Recorder.MetricNames"/> order (empty without validation data).</param>
/// <param name="Time">The epoch's wall-clock time, validation included.</param>
public sealed record EpochResult(int Epoch, double TrainLoss, double? ValidLoss, IReadOnlyList<double> Metrics, TimeSpan Time);
