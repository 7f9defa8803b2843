using TorchSharp.Modules;

namespace SchedDsl.Torch;

/// <summary>
/// Adapts a TorchSharp <see cref="DataLoader"/> (batches as dictionaries of tensors) to <see cref="IBatchSource"/>.
/// </summary>
/// <param name="loader">The data loader.</param>
/// <param name="inputKey">The dictionary key of the model input (TorchSharp's datasets use <c>data</c>).</param>
/// <param name="targetKey">The dictionary key of the target (TorchSharp's datasets use <c>label</c>).</param>
public sealed class DataLoaderBatches(DataLoader loader, string inputKey = "data", string targetKey = "label") : IBatchSource
{
    /// <inheritdoc/>
    public int Count => checked((int)loader.Count);

    /// <inheritdoc/>
    /// <remarks>The order is the <c>DataLoader</c>'s own: with shuffling it depends on how many passes came before, so a
    /// resumed fit sees other batches than an uninterrupted one (use <see cref="TensorBatches"/> for exact resumes).</remarks>
    public IEnumerable<Batch> GetBatches(int epoch)
    {
        foreach (var batch in loader)
        {
            if (!batch.TryGetValue(inputKey, out var input) || !batch.TryGetValue(targetKey, out var target))
            {
                throw new InvalidOperationException(
                    $"a batch lacks key '{inputKey}' or '{targetKey}'; it has: {string.Join(", ", batch.Keys)}");
            }
            yield return new Batch(input, target);
        }
    }
}
