namespace SchedDsl.Torch;

/// <summary>
/// fastai's <c>CSVLogger</c>: writes the results table to a CSV file, one row per epoch as it ends, with the columns of
/// <see cref="EpochColumns"/> (<c>epoch, train_loss, valid_loss, metrics…, time</c>) and the same cells as the printed table.
/// </summary>
/// <remarks>
/// <para>Without <paramref name="append"/>, each fit replaces the file (as fastai's); with it, rows are added and the
/// header is written only to a new or empty file. The file is touched at the first row of a fit, so a fit that ends no
/// epoch (the LR finder, when the logger is in <see cref="Learner.Callbacks"/>) leaves it as it was. For both phases of
/// <see cref="Learner.FineTune"/> in one file, use <paramref name="append"/>.</para>
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
        _names = EpochColumns.Names(context.Recorder.MetricNames);
        _started = false;
    }

    /// <inheritdoc/>
    public override void AfterEpoch(FitContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.LastEpoch is not { } row)
        {
            return;
        }
        var text = Line(EpochColumns.Cells(row, context.Recorder.MetricNames.Count));
        if (!_started)
        {
            _started = true;
            if (System.IO.Path.GetDirectoryName(System.IO.Path.GetFullPath(Path)) is { } folder)
            {
                Directory.CreateDirectory(folder);
            }
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

    private static string Line(IEnumerable<string> cells) => string.Join(',', cells.Select(Quote)) + "\n";

    // RFC 4180: a metric name may hold a comma or a quote.
    private static string Quote(string cell) =>
        cell.AsSpan().IndexOfAny(",\"\n\r") < 0 ? cell : "\"" + cell.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
