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
    private readonly int[] _offsets;
    private readonly bool[] _uniform;
    // The frame the applier wrote last: its scratch frame, or, when the runner records, the history's frame for the
    // step, which is how a step is recorded without a copy.
    private double[] _frame;
    private int _start;

    /// <param name="hypers">The scheduled hyper-parameters.</param>
    /// <param name="groupCount">The number of layer groups.</param>
    /// <param name="uniform">For each hyper-parameter, whether one value serves every layer group (stored once).</param>
    internal HyperValues(HyperParameter[] hypers, int groupCount, bool[] uniform)
    {
        _hypers = hypers;
        _uniform = uniform;
        GroupCount = groupCount;
        _offsets = new int[hypers.Length];
        for (var h = 0; h < hypers.Length; h++)
        {
            _offsets[h] = FrameWidth;
            FrameWidth += Width(h);
        }
        _frame = new double[FrameWidth];
    }

    /// <summary>The scheduled hyper-parameters, in the order the runner applies them.</summary>
    public IReadOnlyList<HyperParameter> Hypers => _hypers;

    /// <summary>The number of layer groups.</summary>
    public int GroupCount { get; }

    /// <summary>
    /// How many values one step holds: hyper-parameter <c>h</c>'s values, one per layer group or one for all (see
    /// <see cref="Width"/>), from <see cref="Offset"/>(<c>h</c>) on, in <see cref="Hypers"/> order.
    /// </summary>
    internal int FrameWidth { get; }

    /// <summary>The value of <paramref name="hyper"/> for layer group <paramref name="group"/>.</summary>
    /// <exception cref="KeyNotFoundException"><paramref name="hyper"/> is not scheduled.</exception>
    /// <exception cref="IndexOutOfRangeException"><paramref name="group"/> outside [0, <see cref="GroupCount"/>).</exception>
    public double this[HyperParameter hyper, int group]
    {
        get
        {
            var h = IndexOf(hyper);
            if ((uint)group >= (uint)GroupCount)
            {
                // The exception this indexer has always thrown (it read a row per hyper-parameter); a uniform value no longer has one.
#pragma warning disable CA2201
                throw new IndexOutOfRangeException($"group must be in [0, {GroupCount - 1}], got {group}");
#pragma warning restore CA2201
            }
            return _frame[_start + _offsets[h] + (_uniform[h] ? 0 : group)];
        }
    }

    /// <summary>True when <paramref name="hyper"/> is scheduled.</summary>
    public bool Contains(HyperParameter hyper) => Array.IndexOf(_hypers, hyper) >= 0;

    /// <summary>Where hyper-parameter <paramref name="index"/>'s values start in a frame.</summary>
    internal int Offset(int index) => _offsets[index];

    /// <summary>How many values hyper-parameter <paramref name="index"/> keeps per step: 1 when uniform, else one per layer group.</summary>
    internal int Width(int index) => _uniform[index] ? 1 : GroupCount;

    /// <summary>True when hyper-parameter <paramref name="index"/> keeps one value for every layer group.</summary>
    internal bool IsUniform(int index) => _uniform[index];

    /// <summary>The current frame: <see cref="FrameWidth"/> values of <c>frame</c> from <c>start</c>.</summary>
    internal (double[] Frame, int Start) Current => (_frame, _start);

    /// <summary>Makes <paramref name="frame"/>'s values from <paramref name="start"/> the current ones.</summary>
    internal void Show(double[] frame, int start)
    {
        if (frame != _frame)
        {
            _frame = frame; // a reference store pays a GC write barrier: only when the frame's array changes
        }
        _start = start;
    }

    internal int IndexOf(HyperParameter hyper)
    {
        var index = Array.IndexOf(_hypers, hyper);
        return index >= 0
            ? index
            : throw new KeyNotFoundException($"{hyper.FastaiName()} is not scheduled; scheduled: {string.Join(", ", _hypers.Select(h => h.FastaiName()))}");
    }
}
