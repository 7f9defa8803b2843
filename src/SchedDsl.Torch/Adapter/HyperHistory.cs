namespace SchedDsl.Torch;

/// <summary>
/// The hyper-parameter values applied at every batch, for every group (fastai's recorder keeps only the last
/// group's). Values are what was written into the optimizer, after any learning-rate scale (reduce-on-plateau).
/// </summary>
/// <remarks>Not thread-safe: written by the training loop, read after it.</remarks>
public sealed class HyperHistory
{
    private readonly Dictionary<HyperParameter, List<double>[]> _values = [];

    internal HyperHistory(IEnumerable<HyperParameter> hypers, int groupCount, int firstStep)
    {
        GroupCount = groupCount;
        FirstStep = firstStep;
        foreach (var hyper in hypers)
        {
            var perGroup = new List<double>[groupCount];
            for (var g = 0; g < groupCount; g++)
            {
                perGroup[g] = [];
            }
            _values[hyper] = perGroup;
        }
    }

    /// <summary>The number of (layer) groups recorded.</summary>
    public int GroupCount { get; }

    /// <summary>The step index of the first recorded value (0 unless the runner was resumed).</summary>
    public int FirstStep { get; }

    /// <summary>The hyper-parameters recorded.</summary>
    public IReadOnlyCollection<HyperParameter> Hypers => _values.Keys;

    /// <summary>How many batches were recorded.</summary>
    public int Count => _values.Count == 0 ? 0 : _values.Values.First()[0].Count;

    /// <summary>True when <paramref name="hyper"/> was recorded.</summary>
    public bool Contains(HyperParameter hyper) => _values.ContainsKey(hyper);

    /// <summary>The values of <paramref name="hyper"/> for group <paramref name="group"/>, one per batch.</summary>
    /// <exception cref="KeyNotFoundException"><paramref name="hyper"/> was not scheduled.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="group"/> outside [0, GroupCount).</exception>
    public IReadOnlyList<double> Get(HyperParameter hyper, int group)
    {
        if (!_values.TryGetValue(hyper, out var perGroup))
        {
            throw new KeyNotFoundException($"{hyper.FastaiName()} was not recorded; recorded: {string.Join(", ", _values.Keys.Select(h => h.FastaiName()))}");
        }
        if (group < 0 || group >= GroupCount)
        {
            throw new ArgumentOutOfRangeException(nameof(group), group, $"group must be in [0, {GroupCount - 1}], got {group}");
        }
        return perGroup[group];
    }

    /// <summary>The values of <paramref name="hyper"/> for the last group (fastai's <c>recorder.hps[name]</c>).</summary>
    public IReadOnlyList<double> Get(HyperParameter hyper) => Get(hyper, GroupCount - 1);

    internal void Add(HyperParameter hyper, int group, double value) => _values[hyper][group].Add(value);
}
