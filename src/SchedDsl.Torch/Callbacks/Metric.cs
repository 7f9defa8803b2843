using static TorchSharp.torch;

namespace SchedDsl.Torch;

/// <summary>
/// A validation metric accumulated over the validation batches (fastai's <c>AccumMetric</c>). Accumulate on the
/// device and read the value once in <see cref="Compute"/>, so validation syncs with the host once, not per batch.
/// </summary>
public abstract class Metric : IDisposable
{
    /// <summary>The column name in the results table.</summary>
    public abstract string Name { get; }

    /// <summary>Starts a new validation pass on <paramref name="device"/>.</summary>
    public abstract void Reset(Device device);

    /// <summary>Adds one batch's predictions and targets.</summary>
    public abstract void Accumulate(Tensor prediction, Tensor target);

    /// <summary>The value over the batches since <see cref="Reset"/>.</summary>
    public abstract double Compute();

    /// <inheritdoc/>
    public void Dispose()
    {
        Dispose(true);
        GC.SuppressFinalize(this);
    }

    /// <summary>Releases tensors the metric holds.</summary>
    protected virtual void Dispose(bool disposing)
    {
    }
}
