namespace SchedDsl.Torch;

/// <summary>
/// The hyper-parameter values applied at every step, for every layer group (fastai's recorder keeps only the last
/// group's). Values are what was written into the optimizer, after any learning-rate scale (reduce-on-plateau); a
/// hyper-parameter the optimizer cannot take (<see cref="NotApplied"/>) is recorded as scheduled, as fastai records
/// <c>mom</c> for <c>RMSProp(mom=0)</c>.
/// </summary>
/// <remarks>
/// Storage is sized once, when the runner is created, from its total steps: recording never allocates. Not
/// thread-safe: written by the training loop, read after it.
/// </remarks>
public sealed class HyperHistory
{
    // The applier's current values, whose frame layout the history keeps.
    private readonly HyperValues _current;
    private readonly HyperParameter[] _hypers;
    // Frame-major: step k's frame (every hyper-parameter's values, HyperValues' layout) from k * FrameWidth, so the
    // runner evaluates a step straight into its frame, and a copy of the current frame is one memmove.
    private readonly double[] _values;

    internal HyperHistory(HyperApplier source, int capacity)
    {
        _current = source.Values;
        _hypers = [.. _current.Hypers];
        NotApplied = [.. source.NotApplied.Keys.Order()];
        GroupCount = source.GroupCount;
        Capacity = capacity;
        _values = new double[checked(capacity * _current.FrameWidth)];
        Array.Fill(_values, double.NaN);
    }

    /// <summary>The number of layer groups recorded.</summary>
    public int GroupCount { get; }

    /// <summary>The first step recorded (0 unless the fit was resumed).</summary>
    public int FirstStep { get; private set; }

    /// <summary>How many consecutive steps were recorded from <see cref="FirstStep"/>.</summary>
    public int Count { get; private set; }

    /// <summary>The hyper-parameters recorded.</summary>
    public IReadOnlyCollection<HyperParameter> Hypers => _hypers;

    /// <summary>The recorded hyper-parameters that were not written, because the optimizer cannot take them (<see cref="HyperApplier.NotApplied"/>).</summary>
    public IReadOnlyCollection<HyperParameter> NotApplied { get; }

    /// <summary>True when <paramref name="hyper"/> was recorded.</summary>
    public bool Contains(HyperParameter hyper) => Array.IndexOf(_hypers, hyper) >= 0;

    /// <summary>The values of <paramref name="hyper"/> for layer group <paramref name="group"/>, one per step from <see cref="FirstStep"/>.</summary>
    /// <exception cref="ArgumentException"><paramref name="hyper"/> was not scheduled (<see cref="Contains"/> tells).</exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="group"/> outside [0, GroupCount).</exception>
    public IReadOnlyList<double> Get(HyperParameter hyper, int group)
    {
        var h = Array.IndexOf(_hypers, hyper);
        if (h < 0)
        {
            throw new ArgumentException(
                $"{hyper.FastaiName()} was not scheduled, so there are no values of it; scheduled: {string.Join(", ", _hypers.Order().Select(x => x.FastaiName()))} (HyperHistory.Contains tells before asking)",
                nameof(hyper));
        }
        if (group < 0 || group >= GroupCount)
        {
            throw new ArgumentOutOfRangeException(nameof(group), group, $"group must be in [0, {GroupCount - 1}], got {group}");
        }
        var width = _current.FrameWidth;
        var start = (FirstStep * width) + _current.Offset(h) + (_current.IsUniform(h) ? 0 : group);
        return new Column(_values, start, width, Count);
    }

    /// <summary>The values of <paramref name="hyper"/> for the last group (fastai's <c>recorder.hps[name]</c>).</summary>
    /// <exception cref="ArgumentException"><paramref name="hyper"/> was not scheduled (<see cref="Contains"/> tells).</exception>
    public IReadOnlyList<double> Get(HyperParameter hyper) => Get(hyper, GroupCount - 1);

    /// <summary>
    /// The recorded values as plain data, a copy: for each hyper-parameter in <see cref="HyperParameter"/> order, its
    /// fastai name (<c>lr</c>, <c>mom</c>, …) and one array per layer group holding <see cref="Count"/> values from
    /// <see cref="FirstStep"/>; <see cref="ToRecordedSchedule"/> is the same with the first step, for SchedDsl.Plotting.
    /// </summary>
    public IReadOnlyList<(string Name, double[][] Groups)> ToArrays() =>
        [.. _hypers.Order().Select(h => (h.FastaiName(), Enumerable.Range(0, GroupCount).Select(g => Get(h, g).ToArray()).ToArray()))];

    /// <summary>
    /// The recorded values as SchedDsl.Core's plain <see cref="RecordedSchedule"/> (<see cref="ToArrays"/> from
    /// <see cref="FirstStep"/>), which SchedDsl.Plotting draws in one call, fastai's <c>recorder.plot_sched()</c>:
    /// <c>recorder.Hypers.ToRecordedSchedule().PlotSchedule("sched.png")</c>.
    /// </summary>
    public RecordedSchedule ToRecordedSchedule() => new(ToArrays(), FirstStep);

    /// <summary>Stores the applier's current values as step <paramref name="step"/>'s; steps extend the recorded range.</summary>
    /// <remarks>A step the runner applied straight into its frame (<see cref="FrameOf"/>) is counted, not copied.</remarks>
    internal void Record(int step)
    {
        if (FrameOf(step) is not { } start)
        {
            return;
        }
        Extend(step);
        var (frame, from) = _current.Current;
        if (frame != _values || from != start)
        {
            frame.AsSpan(from, _current.FrameWidth).CopyTo(_values.AsSpan(start, _current.FrameWidth));
        }
    }

    /// <summary>
    /// Where step <paramref name="step"/>'s frame starts in <see cref="Frames"/>; null past the capacity. The runner
    /// applies a step into its frame, and <see cref="Record"/> then counts it without a copy: the Learner records
    /// after the batch (a batch that fails is not in the history), a recording runner at once.
    /// </summary>
    internal int? FrameOf(int step) => (uint)step < (uint)Capacity ? step * _current.FrameWidth : null;

    /// <summary>Extends the recorded range to take in <paramref name="step"/>, on either side.</summary>
    private void Extend(int step)
    {
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
    }

    /// <summary>Every step's frame, from step 0 (see <see cref="FrameOf"/>).</summary>
    internal double[] Frames => _values;

    private int Capacity { get; }

    /// <summary>One group's values in a step-major array: every <c>stride</c>-th element from <c>start</c>.</summary>
    private sealed class Column(double[] values, int start, int stride, int count) : IReadOnlyList<double>
    {
        public int Count => count;

        public double this[int index] => (uint)index < (uint)count
            ? values[start + (index * stride)]
            : throw new ArgumentOutOfRangeException(nameof(index), index, $"index must be in [0, {count - 1}], got {index}");

        public IEnumerator<double> GetEnumerator()
        {
            for (var i = 0; i < count; i++)
            {
                yield return values[start + (i * stride)];
            }
        }

        System.Collections.IEnumerator System.Collections.IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
