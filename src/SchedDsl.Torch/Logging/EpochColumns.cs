using System.Globalization;

namespace SchedDsl.Torch;

/// <summary>
/// The columns of fastai's results table (<c>epoch, train_loss, valid_loss, metrics…, time</c>) and the text of each
/// cell: the one definition that SchedDsl.Progress's <c>ProgressCallback</c>'s table and <see cref="CsvLogger"/>'s file share.
/// </summary>
/// <remarks>
/// Cells are formatted from an <see cref="EpochResult"/>'s numbers as fastai formats them: losses and metrics with six
/// decimals, a value not measured (no validation data) as <c>None</c>, the time as <c>mm:ss</c> (<c>h:mm:ss</c> from an hour on).
/// Invariant culture. Thread-safety: pure and thread-safe.
/// </remarks>
public static class EpochColumns
{
    /// <summary>The first column: the epoch, from 0.</summary>
    public const string Epoch = "epoch";

    /// <summary>The smoothed training loss at the end of the epoch.</summary>
    public const string TrainLoss = "train_loss";

    /// <summary>The mean validation loss.</summary>
    public const string ValidLoss = "valid_loss";

    /// <summary>The last column: the epoch's wall-clock time.</summary>
    public const string Time = "time";

    /// <summary>
    /// The column <see cref="CsvLogger"/> writes after <see cref="Time"/>: the training batches done in the fit when the
    /// epoch ended (<see cref="EpochResult.Step"/>). The clock's column (<see cref="ClockName"/>) follows it.
    /// </summary>
    public const string Step = "step";

    /// <summary>
    /// The name of a clock's unit in columns and tags: <c>batches</c>, <c>updates</c>, <c>samples</c>, <c>epochs</c> or
    /// <c>tokens</c>, as the checkpoint stores it. <see cref="CsvLogger"/>'s last column holds that clock's value.
    /// </summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="unit"/> is not a <see cref="ClockUnit"/>.</exception>
    public static string ClockName(ClockUnit unit) => Enum.IsDefined(unit)
        ? unit.ToString().ToLowerInvariant()
        : throw new ArgumentOutOfRangeException(nameof(unit), unit, $"must be one of {string.Join(", ", Enum.GetNames<ClockUnit>())}, got {unit}");

    /// <summary>What separates two columns of the text table: two spaces, as fastprogress prints them.</summary>
    public const string Separator = "  ";

    /// <summary>
    /// The width of a column of the text table (<see cref="Recorder.FormatTable"/> and SchedDsl.Progress's live table):
    /// the name's length, and at least 8, fastprogress's width, which holds <c>0.123456</c> and <c>1:02:03</c>.
    /// </summary>
    public static int Width(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        return Math.Max(name.Length, MinWidth);
    }

    /// <summary>The column names for a fit with <paramref name="metricNames"/>, in row order.</summary>
    public static IReadOnlyList<string> Names(IReadOnlyList<string> metricNames)
    {
        ArgumentNullException.ThrowIfNull(metricNames);
        return [Epoch, TrainLoss, ValidLoss, .. metricNames, Time];
    }

    /// <summary>The cells of <paramref name="row"/>, one per column of <see cref="Names"/> for <paramref name="metricCount"/> metrics.</summary>
    /// <remarks>An epoch without validation data has no metric values (the LR finder's, a fit without <see cref="Learner.Valid"/>): those cells read <c>None</c>.</remarks>
    /// <exception cref="ArgumentException"><paramref name="row"/> has more metric values than <paramref name="metricCount"/>.</exception>
    public static IReadOnlyList<string> Cells(EpochResult row, int metricCount)
    {
        ArgumentNullException.ThrowIfNull(row);
        if (row.Metrics.Count > metricCount)
        {
            throw new ArgumentException($"the row of epoch {row.Epoch} has {row.Metrics.Count} metric values but the table has {metricCount} metric columns", nameof(row));
        }
        return
        [
            row.Epoch.ToString(CultureInfo.InvariantCulture),
            Number(row.TrainLoss),
            row.ValidLoss is { } valid ? Number(valid) : Missing,
            .. row.Metrics.Select(Number),
            .. Enumerable.Repeat(Missing, metricCount - row.Metrics.Count),
            FormatTime(row.Time),
        ];
    }

    /// <summary>fastai's <c>format_time</c>: <c>mm:ss</c>, or <c>h:mm:ss</c> from an hour on.</summary>
    public static string FormatTime(TimeSpan time)
    {
        var seconds = (long)Math.Max(0, time.TotalSeconds);
        var (h, m, s) = (seconds / 3600, seconds / 60 % 60, seconds % 60);
        return h > 0
            ? string.Create(CultureInfo.InvariantCulture, $"{h}:{m:00}:{s:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{m:00}:{s:00}");
    }

    private const int MinWidth = 8;

    /// <summary>A value the epoch did not measure (as fastai prints it).</summary>
    private const string Missing = "None";

    private static string Number(double value) => value.ToString("F6", CultureInfo.InvariantCulture);
}
