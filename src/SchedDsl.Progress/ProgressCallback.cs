using System.Diagnostics;
using System.Globalization;
using SchedDsl.Torch;
using Spectre.Console;
using SpectreText = Spectre.Console.Text;

namespace SchedDsl.Progress;

/// <summary>
/// fastai's <c>ProgressCallback</c> for a console: a live progress bar per epoch (also for <see cref="Learner.LrFind"/>)
/// with fastai's smoothed loss, the time left, the step and the clock's value (<see cref="FitContext.ClockValue"/>) and,
/// when the non-finite guard skipped any, the skipped updates; and fastai's results table, whose row is printed as each
/// epoch ends.
/// </summary>
/// <remarks>
/// <para>Add it to <see cref="Learner.Callbacks"/> to watch every fit and the LR finder, or pass it to one fit's
/// <c>callbacks</c>. Rows come from <see cref="FitContext.LastEpoch"/>'s numbers, formatted by <see cref="EpochColumns"/>
/// (the same cells <see cref="CsvLogger"/> writes); the header is printed with the first row, so a fit that ends no
/// epoch (the LR finder) prints no table.</para>
/// <para>The bar is drawn only on an interactive console with ANSI support, redrawn in place at most every 100 ms and
/// never wider than the console. Redirected to a file or a pipe, or under CI, the same table is printed without the
/// bar. When a line of the table does not fit the console width, its columns continue on an indented line.</para>
/// <para>Thread-safety: not thread-safe; the training loop calls it from one thread.</para>
/// </remarks>
public sealed class ProgressCallback : Callback
{
    private readonly IAnsiConsole _console;
    private readonly Stopwatch _epochClock = new();
    private readonly Stopwatch _sinceDraw = new();
    private ResultsTableLayout? _table;
    private bool _headerPrinted;
    private int _barTotal;
    private int _barDone;
    private bool _barShown;

    /// <summary>Creates the callback writing to <paramref name="console"/>, or to <see cref="AnsiConsole.Console"/>.</summary>
    /// <param name="console">Where to print; tests pass a <c>Spectre.Console.Testing.TestConsole</c>.</param>
    public ProgressCallback(IAnsiConsole? console = null) => _console = console ?? AnsiConsole.Console;

    /// <summary>After <see cref="ReduceLrOnPlateau"/> (20) and the LR finder's stop rule (30), so a stop they request is seen in the same batch.</summary>
    public override int Order => 60;

    /// <summary>The least time between two redraws of the bar (fewer writes on fast batches).</summary>
    internal TimeSpan RefreshInterval { get; set; } = TimeSpan.FromMilliseconds(100);

    private bool Live => _console.Profile.Capabilities.Interactive && _console.Profile.Capabilities.Ansi;

    /// <inheritdoc/>
    public override void BeforeFit(FitContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _table = new ResultsTableLayout(EpochColumns.Names(context.Recorder.MetricNames), _console.Profile.Width);
        _headerPrinted = false;
        _barShown = false;
    }

    /// <inheritdoc/>
    public override void BeforeEpoch(FitContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _barTotal = BatchesThisEpoch(context);
        _barDone = 0;
        _epochClock.Restart();
        _sinceDraw.Reset();
    }

    /// <inheritdoc/>
    public override void AfterBatch(FitContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _barDone++;
        if (Live && (!_sinceDraw.IsRunning || _sinceDraw.Elapsed >= RefreshInterval || _barDone >= _barTotal))
        {
            DrawBar(context);
        }
    }

    /// <inheritdoc/>
    public override void AfterEpoch(FitContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        ClearBar();
        if (context.LastEpoch is not { } row || _table is null)
        {
            return;
        }
        if (!_headerPrinted)
        {
            foreach (var line in _table.Header())
            {
                _console.Write(new SpectreText(line + "\n", new Style(decoration: Decoration.Bold)));
            }
            _headerPrinted = true;
        }
        foreach (var line in _table.Row(EpochColumns.Cells(row, context.Recorder.MetricNames.Count)))
        {
            _console.Write(new SpectreText(line + "\n"));
        }
    }

    /// <inheritdoc/>
    public override void AfterFit(FitContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // A fit stopped inside an epoch (the LR finder, a requested stop) keeps its last bar on screen, as fastprogress does.
        if (_barShown)
        {
            DrawBar(context);
            _console.Write(new SpectreText("\n"));
            _barShown = false;
        }
    }

    /// <summary>
    /// The batches this epoch's bar counts: the epoch's batches, or fewer when the schedule spans fewer than the fit
    /// (the LR finder runs <c>numIt</c> batches of a longer fit).
    /// </summary>
    private static int BatchesThisEpoch(FitContext context)
    {
        var span = Math.Min(context.TotalIterations, context.Runner.TotalSteps);
        return Math.Clamp(span - (context.Epoch * context.BatchCount), 1, context.BatchCount);
    }

    private void DrawBar(FitContext context)
    {
        var label = $"epoch {context.Epoch + 1}/{context.EpochCount}";
        var line = ProgressLine.Format(label, _barDone, _barTotal, _epochClock.Elapsed, context.SmoothLoss,
            _console.Profile.Width, _console.Profile.Capabilities.Unicode, Where(context), context.SkippedUpdates);
        _console.WriteAnsi(writer =>
        {
            writer.Write("\r");
            writer.EraseInLine(2);
            writer.Write(line);
        });
        _barShown = true;
        _sinceDraw.Restart();
    }

    /// <summary>The step (batches done in the fit) and, on another clock than batches, the clock's value in its unit.</summary>
    private static string Where(FitContext context) => context.Clock == ClockUnit.Batches
        ? string.Create(CultureInfo.InvariantCulture, $"step {context.Iteration}")
        : string.Create(CultureInfo.InvariantCulture, $"step {context.Iteration} {EpochColumns.ClockName(context.Clock)} {context.ClockValue}");

    private void ClearBar()
    {
        if (_barShown)
        {
            _console.WriteAnsi(writer =>
            {
                writer.Write("\r");
                writer.EraseInLine(2);
            });
            _barShown = false;
        }
    }
}
