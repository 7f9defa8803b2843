using TorchSharp.Modules;
using Dataset = TorchSharp.torch.utils.data.Dataset;

namespace SchedDsl.Torch;

/// <summary>
/// Mini-batches from TorchSharp's data loading (batches as dictionaries of tensors) as an <see cref="IBatchSource"/>:
/// either a <see cref="Dataset"/>, loaded and reshuffled per epoch with a seed of its own (runs repeat and resume
/// exactly, mid-epoch included), or a <see cref="DataLoader"/> you built, used as it is.
/// </summary>
/// <remarks>Thread-safety: not thread-safe; one enumeration at a time.</remarks>
public sealed class DataLoaderBatches : IBatchSource
{
    private readonly Func<int, DataLoader> _loaderFor;
    private readonly bool _ownsLoaders;
    private readonly string _inputKey;
    private readonly string _targetKey;

    /// <summary>
    /// Batches of <paramref name="batchSize"/> items of <paramref name="dataset"/>, through a TorchSharp
    /// <see cref="DataLoader"/> made for each epoch. With <paramref name="shuffle"/> every epoch has its own order,
    /// a function of <paramref name="seed"/> and the epoch alone, so a run repeats and a resumed fit replays the
    /// interrupted epoch's order (fastai's training loader also reshuffles each epoch).
    /// </summary>
    /// <param name="dataset">The items; this class never disposes it.</param>
    /// <param name="batchSize">Items per batch; &gt;= 1.</param>
    /// <param name="shuffle">Reshuffle each epoch.</param>
    /// <param name="seed">The shuffle's seed.</param>
    /// <param name="dropLast">Drop the last incomplete batch.</param>
    /// <param name="inputKey">The dictionary key of the model input (TorchSharp's datasets use <c>data</c>).</param>
    /// <param name="targetKey">The dictionary key of the target (TorchSharp's datasets use <c>label</c>).</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> &lt; 1.</exception>
    public DataLoaderBatches(Dataset dataset, int batchSize, bool shuffle = false, int seed = 0, bool dropLast = false,
        string inputKey = "data", string targetKey = "label")
    {
        ArgumentNullException.ThrowIfNull(dataset);
        if (batchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"batchSize must be >= 1, got {batchSize}");
        }
        // TorchSharp's seeded loader repeats one order on every pass, so each epoch gets a loader with its own seed.
        _loaderFor = epoch => new DataLoader(
            dataset, batchSize, shuffle, seed: shuffle ? EpochSeed.For(seed, epoch) : null, drop_last: dropLast, disposeDataset: false);
        _ownsLoaders = true;
        ReshufflesPerEpoch = shuffle;
        _inputKey = inputKey;
        _targetKey = targetKey;
        using var first = _loaderFor(0);
        Count = checked((int)first.Count);
    }

    /// <summary>Batches of <paramref name="loader"/>, in its own order on every epoch.</summary>
    /// <remarks>
    /// A shuffling loader without a seed gives another order on every pass, and TorchSharp's seeded loader the same
    /// order on every pass; neither reshuffles per epoch reproducibly, so a fit resumed mid-epoch from a checkpoint
    /// sees other batches than the uninterrupted one did. For exact resumes pass the dataset instead.
    /// </remarks>
    /// <param name="loader">The data loader; this class never disposes it.</param>
    /// <param name="inputKey">The dictionary key of the model input (TorchSharp's datasets use <c>data</c>).</param>
    /// <param name="targetKey">The dictionary key of the target (TorchSharp's datasets use <c>label</c>).</param>
    public DataLoaderBatches(DataLoader loader, string inputKey = "data", string targetKey = "label")
    {
        ArgumentNullException.ThrowIfNull(loader);
        _loaderFor = _ => loader;
        _inputKey = inputKey;
        _targetKey = targetKey;
        Count = checked((int)loader.Count);
    }

    /// <inheritdoc/>
    public int Count { get; }

    /// <summary>Whether each epoch has its own order: known for a dataset (its <c>shuffle</c>), null for a loader you built.</summary>
    internal bool? ReshufflesPerEpoch { get; }

    /// <inheritdoc/>
    public IEnumerable<Batch> GetBatches(int epoch)
    {
        var loader = _loaderFor(epoch);
        try
        {
            foreach (var batch in loader)
            {
                if (!batch.TryGetValue(_inputKey, out var input) || !batch.TryGetValue(_targetKey, out var target))
                {
                    throw new InvalidOperationException(
                        $"a batch lacks key '{_inputKey}' or '{_targetKey}'; it has: {string.Join(", ", batch.Keys)}");
                }
                yield return new Batch(input, target);
            }
        }
        finally
        {
            if (_ownsLoaders)
            {
                loader.Dispose();
            }
        }
    }
}
