namespace SchedDsl.Torch;

/// <summary>
/// Logs a fit to TensorBoard event files (fastai's <c>TensorBoardCallback</c>, scalars only): per batch, every scheduled hyper-parameter for every layer group
/// (<c>hypers/lr/group0</c>, <c>hypers/mom/group2</c>, …), the smoothed loss (<c>train/smooth_loss</c>) and the clock's
/// value the batch's schedules were evaluated at (<c>clock/samples</c>, …: <see cref="ClockTag"/>); per epoch,
/// the validation loss (<c>valid/loss</c>) and each metric (<c>valid/accuracy</c>, …).
/// </summary>
/// <remarks>
/// <para>Steps count training batches from 0; a later fit through the same logger continues where the last one
/// stopped (fine-tuning's two phases draw one curve). A batch's hyper-parameters are the values it was trained with.
/// Validation values are logged at the step of the epoch's last batch.</para>
/// <para>View with <c>tensorboard --logdir DIR</c>. Every record's wall time is Unix seconds (TorchSharp's
/// <c>SummaryWriter</c> wrote the first in .NET ticks, so this writes the file itself). The file is opened once per
/// batch and per epoch, so nothing stays open between batches or after an exception.</para>
/// <para>Thread-safety: not thread-safe; the training loop calls it from one thread.</para>
/// </remarks>
public sealed class TensorBoardLogger : Callback
{
    /// <summary>The tag of the smoothed training loss.</summary>
    public const string SmoothLossTag = "train/smooth_loss";

    /// <summary>The tag of the validation loss.</summary>
    public const string ValidLossTag = "valid/loss";

    private readonly Dictionary<(HyperParameter, int), string> _tags = [];
    private readonly TimeProvider _clock;
    private readonly List<(string Tag, float Value)> _values = [];
    private TensorBoardEventFile? _file;
    private string _clockTag = "";
    private int _stepsBefore;

    /// <summary>Creates a logger writing event files into <paramref name="logDirectory"/> (created at the first fit).</summary>
    /// <param name="logDirectory">TensorBoard's <c>--logdir</c>, or a run folder under it.</param>
    public TensorBoardLogger(string logDirectory)
        : this(logDirectory, TimeProvider.System)
    {
    }

    /// <summary>The logger with a clock for the records' wall times (tests pass a fixed one).</summary>
    internal TensorBoardLogger(string logDirectory, TimeProvider clock)
    {
        LogDirectory = !string.IsNullOrWhiteSpace(logDirectory) ? logDirectory : throw new ArgumentException("logDirectory must name a folder", nameof(logDirectory));
        _clock = clock;
    }

    /// <summary>The folder of the event files.</summary>
    public string LogDirectory { get; }

    /// <summary>The tag of a hyper-parameter of one layer group, e.g. <c>hypers/lr/group0</c>.</summary>
    public static string HyperTag(HyperParameter hyper, int group) => $"hypers/{hyper.FastaiName()}/group{group}";

    /// <summary>
    /// The tag of the clock's value, e.g. <c>clock/samples</c> (<see cref="EpochColumns.ClockName"/>): per batch, the
    /// units done before it (<see cref="Recorder.ClockValues"/>), where its schedules were evaluated. TensorBoard stores
    /// it as a float, exact up to 2^24.
    /// </summary>
    public static string ClockTag(ClockUnit unit) => $"clock/{EpochColumns.ClockName(unit)}";

    /// <summary>The tag of a metric, e.g. <c>valid/accuracy</c>.</summary>
    public static string MetricTag(string metricName) => $"valid/{metricName}";

    /// <inheritdoc/>
    public override void BeforeFit(FitContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _file ??= new TensorBoardEventFile(LogDirectory, _clock);
        _clockTag = ClockTag(context.Clock);
    }

    /// <inheritdoc/>
    public override void AfterBatch(FitContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _values.Clear();
        // The loop keeps a batch's values in place until its last callback: these are the values it trained with.
        var hypers = context.Hypers;
        foreach (var hyper in hypers.Hypers)
        {
            for (var group = 0; group < hypers.GroupCount; group++)
            {
                if (!_tags.TryGetValue((hyper, group), out var tag))
                {
                    _tags[(hyper, group)] = tag = HyperTag(hyper, group);
                }
                Add(tag, hypers[hyper, group]);
            }
        }
        Add(SmoothLossTag, context.SmoothLoss);
        Add(_clockTag, context.Recorder.ClockValues[^1]);
        Flush(context);
    }

    /// <inheritdoc/>
    public override void AfterEpoch(FitContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.LastEpoch is not { ValidLoss: { } validLoss } row)
        {
            return;
        }
        _values.Clear();
        Add(ValidLossTag, validLoss);
        for (var m = 0; m < row.Metrics.Count; m++)
        {
            Add(MetricTag(context.Recorder.MetricNames[m]), row.Metrics[m]);
        }
        Flush(context);
    }

    /// <inheritdoc/>
    public override void AfterFit(FitContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        _stepsBefore += context.Iteration;
    }

    /// <summary>The step of the batch just trained: the loop's count of this fit's batches, after earlier fits'.</summary>
    private int Step(FitContext context) => _stepsBefore + context.Iteration - 1;

    // TensorBoard's simple_value is a float.
    private void Add(string tag, double value) => _values.Add((tag, (float)value));

    /// <summary>Writes the values gathered as one event at the step of the batch just trained.</summary>
    private void Flush(FitContext context) => _file!.WriteScalars(Step(context), _values);
}
