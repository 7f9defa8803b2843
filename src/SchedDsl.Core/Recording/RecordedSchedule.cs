namespace SchedDsl;

/// <summary>
/// The hyper-parameter values a fit applied, as plain data: for each hyper-parameter its fastai name (<c>lr</c>,
/// <c>mom</c>, …) and one array per layer group, one value per step from <see cref="FirstStep"/>. What
/// SchedDsl.Torch's <c>HyperHistory.ToRecordedSchedule()</c> gives and SchedDsl.Plotting draws
/// (<c>recorded.PlotSchedule(path)</c>, fastai's <c>recorder.plot_sched()</c>).
/// </summary>
/// <remarks>Immutable (the arrays are copied in); thread-safe. Reading <see cref="Hypers"/> hands out the stored arrays: do not write to them.</remarks>
public sealed class RecordedSchedule
{
    /// <summary>Creates a record from copies of <paramref name="hypers"/>.</summary>
    /// <param name="hypers">Each hyper-parameter's name and its values per layer group, every group as long as every other.</param>
    /// <param name="firstStep">The step of the first value (0 unless the fit was resumed), &gt;= 0.</param>
    /// <exception cref="ArgumentException">A hyper-parameter without a name or a group, or groups of different lengths.</exception>
    public RecordedSchedule(IEnumerable<(string Name, double[][] Groups)> hypers, int firstStep = 0)
    {
        ArgumentNullException.ThrowIfNull(hypers);
        ArgumentOutOfRangeException.ThrowIfNegative(firstStep);
        var copied = hypers.Select(h => (h.Name, Groups: h.Groups?.Select(g => g?.ToArray()!).ToArray())).ToArray();
        var count = copied.Length > 0 && copied[0].Groups is { Length: > 0 } first && first[0] is { } values ? values.Length : 0;
        foreach (var (name, groups) in copied)
        {
            if (string.IsNullOrEmpty(name) || groups is null || groups.Length == 0)
            {
                throw new ArgumentException($"every hyper-parameter needs a name and at least one group; got '{name}' with {groups?.Length ?? 0} groups", nameof(hypers));
            }
            if (groups.Any(g => g is null || g.Length != count))
            {
                throw new ArgumentException($"every group of every hyper-parameter needs {count} values, one per step; {name} has groups of {string.Join(", ", groups.Select(g => g?.Length ?? 0))}", nameof(hypers));
            }
        }
        Hypers = [.. copied.Select(h => (h.Name, h.Groups!))];
        FirstStep = firstStep;
        Count = count;
    }

    /// <summary>Each hyper-parameter's name and its values per layer group, in the order given.</summary>
    public IReadOnlyList<(string Name, double[][] Groups)> Hypers { get; }

    /// <summary>The step of the first value (0 unless the fit was resumed).</summary>
    public int FirstStep { get; }

    /// <summary>How many steps were recorded: the length of every group.</summary>
    public int Count { get; }
}
