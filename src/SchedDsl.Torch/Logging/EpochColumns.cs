using System.Globalization;

namespace SchedDsl.Torch;

/// <summary>
/// The columns of fastai's results table (<c>epoch, train_loss, valid_loss, metrics…, time</c>) and the text of each
/// cell: the one definition that <see cref="ProgressCallback"/>'s table and <see cref="CsvLogger"/>'s file share.
/// </summary>
/// <remarks>
/// Cells are formatted from an <see cref="EpochResult"/>'s numbers as fastai formats them: losses and metrics with six
/// decimals, a missing validation loss as <c>None</c>, the time as <c>mm:ss</c> (<c>h:mm:ss</c> from an hour on).
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

    /// <summary>The column names for a fit with <paramref name="metricNames"/>, in row order.</summary>
    public static IReadOnlyList<string> Names(IReadOnlyList<string> metricNames)
    {
        ArgumentNullException.ThrowIfNull(metricNames);
        return [Epoch, TrainLoss, ValidLoss, .. metricNames, Time];
    }

    /// <summary>The cells of <paramref name="row"/>, one per column of <see cref="Names"/>.</summary>
    public static IReadOnlyList<string> Cells(EpochResult row)
    {
        ArgumentNullException.ThrowIfNull(row);
        return
        [
            row.Epoch.ToString(CultureInfo.InvariantCulture),
            Number(row.TrainLoss),
            row.ValidLoss is { } valid ? Number(valid) : "None",
            .. row.Metrics.Select(Number),
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

    private static string Number(double value) => value.ToString("F6", CultureInfo.InvariantCulture);
}
