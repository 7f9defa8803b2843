namespace SchedDsl.Torch;

/// <summary>
/// A re-iterable sequence of mini-batches with a known length (fastai's <c>DataLoader</c>: <c>len(dl)</c> and
/// iteration). The <see cref="Learner"/> enumerates it once per epoch, inside a dispose scope per batch, and moves
/// each batch to the model's device.
/// </summary>
/// <remarks>Implementations: <see cref="TensorBatches"/> (tensors in memory), <see cref="DataLoaderBatches"/>
/// (a TorchSharp <c>DataLoader</c>), or your own.</remarks>
public interface IBatchSource
{
    /// <summary>The number of batches one pass yields.</summary>
    int Count { get; }

    /// <summary>One pass over the data. Tensors created while enumerating belong to the caller's dispose scope.</summary>
    IEnumerable<Batch> GetBatches();
}
