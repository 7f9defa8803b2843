namespace SchedDsl.Torch;

/// <summary>
/// The value of every scheduled hyper-parameter for every layer group at the current step: what the optimizer holds
/// while the current batch trains (fastai's <c>learn.opt.hypers</c>). A live view: it changes when the runner applies
/// the next step.
/// </summary>
/// <remarks>Reading allocates nothing. Not thread-safe: valid on the training thread.</remarks>
public sealed class HyperValues
{
    private readonly HyperParameter[] _hypers;
    private readonly double[][] _values;

    internal HyperValues(HyperParameter[] hypers, int groupCount)
    {
        _hypers = hypers;
        _values = hypers.Select(_ => new double[groupCount]).ToArray();
        GroupCount = groupCount;
    }

    /// <summary>The scheduled hyper-parameters, in the order the runner applies them.</summary>
    public IReadOnlyList<HyperParameter> Hypers => _hypers;

    /// <summary>The number of layer groups.</summary>
    public int GroupCount { get; }

    /// <summary>The value of <paramref name="hyper"/> for layer group <paramref name="group"/>.</summary>
    /// <exception cref="KeyNotFoundException"><paramref name="hyper"/> is not scheduled.</exception>
    /// <exception cref="IndexOutOfRangeException"><paramref name="group"/> outside [0, <see cref="GroupCount"/>).</exception>
    public double this[HyperParameter hyper, int group] => Row(IndexOf(hyper))[group];

    /// <summary>True when <paramref name="hyper"/> is scheduled.</summary>
    public bool Contains(HyperParameter hyper) => Array.IndexOf(_hypers, hyper) >= 0;

    internal double[] Row(int index) => _values[index];

    internal int IndexOf(HyperParameter hyper)
    {
        var index = Array.IndexOf(_hypers, hyper);
        return index >= 0
            ? index
            : throw new KeyNotFoundException($"{hyper.FastaiName()} is not scheduled; scheduled: {string.Join(", ", _hypers.Select(h => h.FastaiName()))}");
    }
}
