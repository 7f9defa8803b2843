namespace SchedDsl.Torch;

/// <summary>One row of fastai's results table.</summary>
/// <param name="Epoch">The epoch, from 0.</param>
/// <param name="TrainLoss">fastai's <c>train_loss</c>: the smoothed training loss at the end of the epoch.</param>
/// <param name="ValidLoss">The mean validation loss, or null without validation data.</param>
/// <param name="Metrics">The metric values, in <see cref="Recorder.MetricNames"/> order (empty without validation data).</param>
/// <param name="Time">The epoch's wall-clock time, validation included.</param>
public sealed record EpochResult(int Epoch, double TrainLoss, double? ValidLoss, IReadOnlyList<double> Metrics, TimeSpan Time)
{
    /// <summary>The training batches done in the fit when the epoch ended (<see cref="FitContext.Iteration"/> then); 0 when not known.</summary>
    public int Step { get; init; }

    /// <summary>The clock's value when the epoch ended (<see cref="FitContext.ClockValue"/>: batches, updates, samples, tokens or epochs done); 0 when not known.</summary>
    public long ClockValue { get; init; }

    /// <summary>The value of column <paramref name="name"/>: <c>train_loss</c>, <c>valid_loss</c> or a metric's name.</summary>
    /// <exception cref="InvalidOperationException">No such column, or <c>valid_loss</c> without validation data; the message lists the columns.</exception>
    public double Column(string name, IReadOnlyList<string> metricNames)
    {
        ArgumentNullException.ThrowIfNull(metricNames);
        if (name == EpochColumns.ValidLoss)
        {
            return ValidLoss ?? throw new InvalidOperationException("valid_loss is monitored but the learner has no validation data");
        }
        if (name == EpochColumns.TrainLoss)
        {
            return TrainLoss;
        }
        var index = metricNames.ToList().IndexOf(name);
        return index >= 0 && index < Metrics.Count
            ? Metrics[index]
            : throw new InvalidOperationException($"'{name}' is monitored but is not among: valid_loss, train_loss, {string.Join(", ", metricNames)}");
    }
}
