using static TorchSharp.torch;

namespace SchedDsl.Torch;

/// <summary>
/// Mini-batches cut from an input tensor and a target tensor held in memory, optionally shuffled each epoch
/// (the order is a function of the seed and the epoch alone, so runs repeat and resume exactly) and dropping the last incomplete batch (fastai's training
/// <c>DataLoader</c> shuffles and drops the last batch).
/// </summary>
/// <remarks>Thread-safety: not thread-safe; one enumeration at a time.</remarks>
public sealed class TensorBatches : IBatchSource
{
    private readonly Tensor _inputs;
    private readonly Tensor _targets;
    private readonly bool _shuffle;
    private readonly int _seed;

    /// <summary>Creates batches of <paramref name="batchSize"/> rows of <paramref name="inputs"/> and <paramref name="targets"/>.</summary>
    /// <exception cref="ArgumentException">The tensors have different first dimensions, or no rows.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="batchSize"/> &lt; 1.</exception>
    public TensorBatches(Tensor inputs, Tensor targets, int batchSize, bool shuffle = false, bool dropLast = false, int seed = 0)
    {
        ArgumentNullException.ThrowIfNull(inputs);
        ArgumentNullException.ThrowIfNull(targets);
        if (batchSize < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(batchSize), batchSize, $"batchSize must be >= 1, got {batchSize}");
        }
        if (inputs.shape[0] != targets.shape[0])
        {
            throw new ArgumentException($"inputs has {inputs.shape[0]} rows but targets has {targets.shape[0]}", nameof(targets));
        }
        _inputs = inputs;
        _targets = targets;
        _shuffle = shuffle;
        _seed = seed;
        BatchSize = batchSize;
        Rows = (int)inputs.shape[0];
        Count = dropLast ? Rows / batchSize : (Rows + batchSize - 1) / batchSize;
    }

    /// <summary>Rows per batch.</summary>
    public int BatchSize { get; }

    /// <summary>Whether each epoch has its own seeded order (the LR finder's runs need it to differ).</summary>
    internal bool ReshufflesPerEpoch => _shuffle;

    /// <summary>Rows in the data.</summary>
    public int Rows { get; }

    /// <inheritdoc/>
    public int Count { get; }

    /// <inheritdoc/>
    public IReadOnlyList<int> BatchSizes => [.. Enumerable.Range(0, Count).Select(b => Math.Min(BatchSize, Rows - (b * BatchSize)))];

    /// <inheritdoc/>
    public IEnumerable<Batch> GetBatches(int epoch)
    {
        long[]? order = null;
        if (_shuffle)
        {
            order = Enumerable.Range(0, Rows).Select(i => (long)i).ToArray();
            new Random(EpochSeed.For(_seed, epoch)).Shuffle(order);
        }
        return Enumerate(order);
    }

    private IEnumerable<Batch> Enumerate(long[]? order)
    {
        for (var b = 0; b < Count; b++)
        {
            var start = b * BatchSize;
            var length = Math.Min(BatchSize, Rows - start);
            if (order is null)
            {
                yield return new Batch(_inputs.narrow(0, start, length), _targets.narrow(0, start, length));
            }
            else
            {
                using var index = tensor(order.AsSpan(start, length).ToArray(), device: _inputs.device);
                yield return new Batch(_inputs.index_select(0, index), _targets.index_select(0, index));
            }
        }
    }
}
