namespace SchedDsl.Torch;

/// <summary>
/// The hyper-parameter values applied at every step, for every layer group (fastai's recorder keeps only the last
/// group's). Values are what was written into the optimizer, after any learning-rate scale (reduce-on-plateau).
/// </summary>
/// <remarks>
/// Storage is sized once, when the runner is created, from its total steps: recording never allocates. Not
/// thread-safe: written by the training loop, read after it.
/// </remarks>
public sealed class HyperHistory
{
    private readonly HyperApplier _source;
    private readonly HyperParameter[] _hypers;
    private readonly double[][][] _rows;

    internal HyperHistory(HyperApplier source, int capacity)
    {
        _source = source;
        _hypers = [.. source.Values.Hypers];
        GroupCount = source.GroupCount;
        _rows = new double[_hypers.Length][][];
        for (var h = 0; h < _hypers.Length; h++)
        {
            var rows = source.IsUniform(h) ? 1 : GroupCount;
            _rows[h] = new double[rows][];
            for (var r = 0; r < rows; r++)
            {
                _rows[h][r] = new double[capacity];
                Array.Fill(_rows[h][r], double.NaN);
            }
        }
    }

    /// <summary>The number of layer groups recorded.</summary>
    public int GroupCount { get; }

    /// <summary>The first step recorded (0 unless the fit was resumed).</summary>
    public int FirstStep { get; private set; }

    /// <summary>How many consecutive steps were recorded from <see cref="FirstStep"/>.</summary>
    public int Count { get; private set; }

    /// <summary>The hyper-parameters recorded.</summary>
    public IReadOnlyCollection<HyperParameter> Hypers => _hypers;

    /// <summary>True when <paramref name="hyper"/> was recorded.</summary>
    public bool Contains(HyperParameter hyper) => Array.IndexOf(_hypers, hyper) >= 0;

    /// <summary>The values of <paramref name="hyper"/> for layer group <paramref name="group"/>, one per step from <see cref="FirstStep"/>.</summary>
    /// <exception cref="KeyNotFoundException"><paramref name="hyper"/> was not scheduled.</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="group"/> outside [0, GroupCount).</exception>
    public IReadOnlyList<double> Get(HyperParameter hyper, int group)
    {
        var h = Array.IndexOf(_hypers, hyper);
        if (h < 0)
        {
            throw new KeyNotFoundException($"{hyper.FastaiName()} was not recorded; recorded: {string.Join(", ", _hypers.Select(x => x.FastaiName()))}");
        }
        if (group < 0 || group >= GroupCount)
        {
            throw new ArgumentOutOfRangeException(nameof(group), group, $"group must be in [0, {GroupCount - 1}], got {group}");
        }
        var rows = _rows[h];
        return new ArraySegment<double>(rows[rows.Length == 1 ? 0 : group], FirstStep, Count);
    }

    /// <summary>The values of <paramref name="hyper"/> for the last group (fastai's <c>recorder.hps[name]</c>).</summary>
    public IReadOnlyList<double> Get(HyperParameter hyper) => Get(hyper, GroupCount - 1);

    /// <summary>Stores the applier's current values as step <paramref name="step"/>'s; steps extend the recorded range.</summary>
    internal void Record(int step)
    {
        var capacity = _rows.Length == 0 ? 0 : _rows[0][0].Length;
        if (step >= capacity)
        {
            return;
        }
        if (Count == 0)
        {
            FirstStep = step;
        }
        if (step < FirstStep)
        {
            Count += FirstStep - step;
            FirstStep = step;
        }
        Count = Math.Max(Count, step - FirstStep + 1);
        for (var h = 0; h < _rows.Length; h++)
        {
            var values = _source.Values.Row(h);
            var rows = _rows[h];
            if (rows.Length == 1)
            {
                rows[0][step] = values[0];
                continue;
            }
            for (var g = 0; g < rows.Length; g++)
            {
                rows[g][step] = values[g];
            }
        }
    }
}
