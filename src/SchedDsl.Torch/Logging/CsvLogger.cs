using System.Globalization;

namespace SchedDsl.Torch;

/// <summary>
/// fastai's <c>CSVLogger</c>: writes the results table to a CSV file, one row per epoch as it ends, with the columns of
/// <see cref="EpochColumns"/> (<c>epoch, train_loss, valid_loss, metrics…, time</c>) and the same cells as the printed
/// table, then where the epoch ended: <see cref="EpochColumns.Step"/> (batches done in the fit) and the clock's value in
/// its unit (<see cref="EpochColumns.ClockName"/>: <c>batches</c>, <c>updates</c>, <c>samples</c>, <c>epochs</c> or <c>tokens</c>).
/// </summary>
/// <remarks>
/// <para>Without <paramref name="append"/>, each fit replaces the file (as fastai's); with it, rows are added and the
/// header is written only to a new or empty file. The file is touched at the first row of a fit, so a fit that ends no
/// epoch (the LR finder, when the logger is in <see cref="Learner.Callbacks"/>) leaves it as it was. For both phases of
/// <see cref="Learner.FineTune"/> in one file, use <paramref name="append"/>.</para>
/// <para>A fit resumed from a checkpoint (<c>resumeFrom</c>) continues its file, as fastai's <c>CSVLogger(append=True)</c>
/// does on a resumed run: when it starts, the file is rewritten to hold the header and the rows of the epochs the
/// checkpoint restored (with <paramref name="append"/>, after the lines that came before this fit's first row), and
/// the epochs still to train are added to it. The file then holds every epoch of the fit exactly once, also when it
/// was lost or had rows the checkpoint did not reach.</para>
/// <para>Each row is appended and the file closed again, so the rows survive a crash and <c>tail -f</c> shows them.</para>
/// <para>Thread-safety: not thread-safe; the training loop calls it from one thread.</para>
/// </remarks>
/// <param name="path">The CSV file (fastai's <c>fname</c>, default <c>history.csv</c>); its folder is created if needed.</param>
/// <param name="append">Add to the file instead of replacing it at each fit.</param>
public sealed class CsvLogger(string path = "history.csv", bool append = false) : Callback
{
    private IReadOnlyList<string> _names = [];
    private bool _started;

    /// <summary>The CSV file.</summary>
    public string Path { get; } = !string.IsNullOrWhiteSpace(path) ? path : throw new ArgumentException("path must name a file", nameof(path));

    /// <summary>Whether fits add to the file instead of replacing it.</summary>
    public bool Append { get; } = append;

    /// <inheritdoc/>
    public override int Order => 60;

    /// <inheritdoc/>
    public override void BeforeFit(FitContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _names = [.. EpochColumns.Names(context.Recorder.MetricNames), EpochColumns.Step, EpochColumns.ClockName(context.Clock)];
        _started = false;
        if (context.Recorder.Epochs.Count > 0)
        {
            // Resumed: the checkpoint restored these rows, and this fit will not end those epochs again.
            Continue(context.Recorder);
            _started = true;
        }
    }

    /// <inheritdoc/>
    public override void AfterEpoch(FitContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.LastEpoch is not { } row)
        {
            return;
        }
        var text = Line(Cells(row, context.Recorder.MetricNames.Count));
        if (!_started)
        {
            _started = true;
            CreateFolder();
            var fresh = !Append || !File.Exists(Path) || new FileInfo(Path).Length == 0;
            if (fresh)
            {
                text = Line(_names) + text;
            }
            if (!Append)
            {
                File.WriteAllText(Path, text);
                return;
            }
        }
        File.AppendAllText(Path, text);
    }

    /// <summary>Rewrites the file to end with the restored rows: whatever this fit wrote after its first row is replaced.</summary>
    private void Continue(Recorder recorder)
    {
        var rows = recorder.Epochs.Select(r => Line(Cells(r, recorder.MetricNames.Count))).ToList();
        var kept = new List<string>();
        if (Append && File.Exists(Path))
        {
            // The lines of earlier fits: those before this fit's first row (the restored row 0 reads exactly as it was
            // written), or the whole file when that row is not in it.
            var lines = File.ReadAllLines(Path).Select(l => l + "\n").ToList();
            var first = lines.LastIndexOf(rows[0]);
            kept = first >= 0 ? lines[..first] : lines;
        }
        if (kept.Count == 0)
        {
            kept.Add(Line(_names));
        }
        CreateFolder();
        File.WriteAllText(Path, string.Concat(kept.Concat(rows)));
    }

    private void CreateFolder()
    {
        if (System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path)) is { } folder)
        {
            Directory.CreateDirectory(folder);
        }
    }

    /// <summary>The table's cells of <paramref name="row"/>, then its step and clock value.</summary>
    private static IEnumerable<string> Cells(EpochResult row, int metricCount) =>
        [.. EpochColumns.Cells(row, metricCount), row.Step.ToString(CultureInfo.InvariantCulture), row.ClockValue.ToString(CultureInfo.InvariantCulture)];

    private static string Line(IEnumerable<string> cells) => string.Join(',', cells.Select(Quote)) + "\n";

    // RFC 4180: a metric name may hold a comma or a quote.
    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\n\r") < 0 ? cell : "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
