using static TorchSharp.torch;

namespace SchedDsl.Torch;

/// <summary>fastai's <c>accuracy</c>: the share of rows whose arg-max over the last dimension equals the target.</summary>
public sealed class Accuracy : Metric
{
    private Tensor? _correct;
    private long _total;

    /// <inheritdoc/>
    public override string Name => "accuracy";

    /// <inheritdoc/>
    public override void Reset(Device device)
    {
        _correct?.Dispose();
        _correct = zeros(1, ScalarType.Int64, device).DetachFromDisposeScope();
        _total = 0;
    }

    /// <inheritdoc/>
    public override void Accumulate(Tensor prediction, Tensor target)
    {
        ArgumentNullException.ThrowIfNull(prediction);
        ArgumentNullException.ThrowIfNull(target);
        if (_correct is null)
        {
            throw new InvalidOperationException("call Reset before Accumulate");
        }
        using var hits = prediction.argmax(-1).eq(target).sum();
        _correct.add_(hits);
        _total += target.shape[0];
    }

    /// <inheritdoc/>
    public override double Compute() =>
        _correct is null || _total == 0 ? double.NaN : (double)_correct.item<long>() / _total;

    /// <inheritdoc/>
    protected override void Dispose(bool disposing)
    {
        if (disposing)
        {
            _correct?.Dispose();
            _correct = null;
        }
        base.Dispose(disposing);
    }
}
