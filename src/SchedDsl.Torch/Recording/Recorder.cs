using System.Text;

namespace SchedDsl.Torch;

/// <summary>
/// What one fit recorded (fastai's <c>Recorder</c>): the hyper-parameters applied at every batch for every group,
/// the raw and smoothed training loss per batch, and a results row per epoch.
/// </summary>
/// <remarks>Each fit starts a new recorder (as fastai resets its recorder in <c>before_fit</c>). Not thread-safe.</remarks>
public sealed class Recorder
{
    private readonly List<double> _losses;
    private readonly List<double> _rawLosses;
    private readonly List<EpochResult> _epochs = [];
    private readonly List<double> _positions;
    private readonly List<long> _samples;
    private readonly List<long> _clockValues;

    /// <param name="metricNames">The metric columns.</param>
    /// <param name="hypers">The runner's history of applied values.</param>
    /// <param name="capacity">The fit's total batches: the loss lists are sized once, so recording a batch never allocates.</param>
    /// <param name="clock">What the fit's clock counts.</param>
    internal Recorder(IReadOnlyList<string> metricNames, HyperHistory hypers, int capacity, ClockUnit clock = ClockUnit.Batches)
    {
        Clock = clock;
        _positions = new List<double>(capacity);
        _samples = new List<long>(capacity);
        _clockValues = new List<long>(capacity);
        MetricNames = metricNames;
        Hypers = hypers;
        _losses = new List<double>(capacity);
        _rawLosses = new List<double>(capacity);
    }

    /// <summary>The hyper-parameters applied to every trained batch, every layer group.</summary>
    public HyperHistory Hypers { get; }

    /// <summary>The learning rates of the last group, one per batch (fastai's <c>recorder.lrs</c>).</summary>
    public IReadOnlyList<double> Lrs => Hypers.Contains(HyperParameter.LearningRate) ? Hypers.Get(HyperParameter.LearningRate) : [];

    /// <summary>The smoothed training loss after every batch (fastai's <c>recorder.losses</c>).</summary>
    public IReadOnlyList<double> Losses => _losses;

    /// <summary>The training loss of every batch, unsmoothed.</summary>
    public IReadOnlyList<double> RawLosses => _rawLosses;

    /// <summary>What the fit's clock counted (<see cref="Positions"/> are in its unit).</summary>
    public ClockUnit Clock { get; }

    /// <summary>The clock's position every batch trained at: where its schedules were evaluated (one per batch, as <see cref="Losses"/>).</summary>
    public IReadOnlyList<double> Positions => _positions;

    /// <summary>The samples seen before every batch (one per batch, as <see cref="Losses"/>).</summary>
    public IReadOnlyList<long> Samples => _samples;

    /// <summary>
    /// The clock's value before every batch (one per batch, as <see cref="Losses"/>): the units of <see cref="Clock"/>
    /// done when its schedules were evaluated (batches, updates, samples, tokens or epochs), so
    /// <c>Positions[i] = ClockValues[i] / total</c>.
    /// </summary>
    public IReadOnlyList<long> ClockValues => _clockValues;

    /// <summary>Optimizer updates applied in the fit (a resumed fit counts those before the checkpoint too).</summary>
    public int Updates { get; private set; }

    /// <summary>Updates skipped because their gradients were not finite (<see cref="Learner.SkipNonFiniteUpdates"/>).</summary>
    public int SkippedUpdates { get; private set; }

    /// <summary>One row per completed epoch (fastai's <c>recorder.values</c> with epoch and time).</summary>
    public IReadOnlyList<EpochResult> Epochs => _epochs;

    /// <summary>The names of the metrics, in row order.</summary>
    public IReadOnlyList<string> MetricNames { get; }

    /// <summary>
    /// fastai's results table as plain text, one line per epoch, columns and cells from <see cref="EpochColumns"/> (the
    /// definition SchedDsl.Progress's <c>ProgressCallback</c> and <see cref="CsvLogger"/> share), laid out as the live
    /// table lays out its lines: each column <see cref="EpochColumns.Width"/> wide, <see cref="EpochColumns.Separator"/>
    /// apart, trailing spaces trimmed.
    /// </summary>
    public string FormatTable()
    {
        var names = EpochColumns.Names(MetricNames);
        var builder = new StringBuilder();
        AppendLine(builder, names, names);
        foreach (var row in _epochs)
        {
            AppendLine(builder, names, EpochColumns.Cells(row, MetricNames.Count));
        }
        return builder.ToString();
    }

    private static void AppendLine(StringBuilder builder, IReadOnlyList<string> names, IReadOnlyList<string> cells) =>
        builder.Append(string.Join(EpochColumns.Separator, cells.Select((cell, c) => cell.PadRight(EpochColumns.Width(names[c])))).TrimEnd()).Append('\n');

    internal void AddLoss(double raw, double smooth)
    {
        _rawLosses.Add(raw);
        _losses.Add(smooth);
    }

    /// <summary>Records where a batch trained, and the updates after it.</summary>
    internal void AddClock(double position, long samplesBefore, long clockBefore, in FitProgress after)
    {
        _positions.Add(position);
        _samples.Add(samplesBefore);
        _clockValues.Add(clockBefore);
        (Updates, SkippedUpdates) = (after.Updates, after.SkippedUpdates);
    }

    /// <summary>Puts back the update counts of a checkpoint.</summary>
    internal void RestoreUpdates(in FitProgress progress) => (Updates, SkippedUpdates) = (progress.Updates, progress.SkippedUpdates);

    internal void AddEpoch(EpochResult row) => _epochs.Add(row);

    /// <summary>Puts back the rows of epochs finished before a checkpoint, so a resumed fit's table is whole.</summary>
    internal void RestoreEpochs(IEnumerable<EpochResult> rows) => _epochs.AddRange(rows);
}
