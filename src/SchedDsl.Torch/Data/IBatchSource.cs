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

    /// <summary>
    /// The batches of epoch <paramref name="epoch"/> (from 0). Tensors created while enumerating belong to the
    /// caller's dispose scope.
    /// </summary>
    /// <remarks>
    /// For an exact resume from a checkpoint the order must depend only on <paramref name="epoch"/> (and the source's
    /// own seed), not on how many passes came before: the learner resumes mid-epoch by asking for the epoch again and
    /// skipping the batches already trained. <see cref="TensorBatches"/> does this.
    /// </remarks>
    IEnumerable<Batch> GetBatches(int epoch);

    /// <summary>
    /// The rows of each batch of a pass, in order (the same every epoch), or null when the source cannot say. The
    /// <see cref="ClockUnit.Samples"/> clock, and the <see cref="ClockUnit.Updates"/> clock with accumulation, plan the
    /// fit's total from it.
    /// </summary>
    IReadOnlyList<int>? BatchSizes => null;
}
