namespace SchedDsl.Torch;

/// <summary>
/// Checkpoints a fit so that it can be resumed exactly, even mid-epoch (fastai's <c>SaveModelCallback(with_opt=True)</c>,
/// which saves at epoch ends only). <c>last.ckpt</c> in <see cref="Directory"/> always holds the latest state; with
/// <see cref="Monitor"/>, <c>best.ckpt</c> holds the epoch that scored best.
/// </summary>
/// <remarks>
/// <para>A checkpoint holds the model, the optimizer state, the fit's schedules (text form), its step and epoch, the
/// loss smoother, the learning-rate scales, the finished epochs' rows and the RNG state. Resume with the same fit
/// call and <c>resumeFrom: Path.Combine(dir, "last.ckpt")</c>. Data order is reproduced when the training source's
/// order depends only on the epoch (<see cref="TensorBatches"/>).</para>
/// <para>Each write goes to a temporary file that is renamed over the previous one, so a crash while saving leaves
/// the previous checkpoint intact. A step checkpoint that falls on an epoch's last batch is written at the epoch's end
/// instead, after validation, so that resuming never skips a validation pass.</para>
/// <para>Thread-safety: one instance per fit at a time.</para>
/// </remarks>
public sealed class CheckpointCallback : Callback
{
    private double _best;

    /// <summary>Creates the callback.</summary>
    /// <param name="directory">Where <c>last.ckpt</c> (and <c>best.ckpt</c>) go; created when missing.</param>
    /// <param name="everySteps">Also checkpoint every this many training batches; 0 for epoch ends only.</param>
    /// <param name="everyEpoch">Checkpoint at the end of every epoch.</param>
    /// <param name="monitor">A column (<c>valid_loss</c>, <c>train_loss</c> or a metric name) whose best epoch is kept as <c>best.ckpt</c>; null for none.</param>
    /// <param name="mode">Whether <paramref name="monitor"/> should fall or rise.</param>
    public CheckpointCallback(string directory, int everySteps = 0, bool everyEpoch = true, string? monitor = null, PlateauMode mode = PlateauMode.Min)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        ArgumentOutOfRangeException.ThrowIfNegative(everySteps);
        (Directory, EverySteps, EveryEpoch, Monitor, Mode) = (directory, everySteps, everyEpoch, monitor, mode);
    }

    /// <summary>The folder of the checkpoint files.</summary>
    public string Directory { get; }

    /// <summary>Batches between step checkpoints; 0 for none.</summary>
    public int EverySteps { get; }

    /// <summary>Whether every epoch's end is checkpointed.</summary>
    public bool EveryEpoch { get; }

    /// <summary>The column whose best epoch is kept, or null.</summary>
    public string? Monitor { get; }

    /// <summary>Whether <see cref="Monitor"/> should fall or rise.</summary>
    public PlateauMode Mode { get; }

    /// <summary>The latest checkpoint: resume from this file.</summary>
    public string LastPath => Path.Combine(Directory, "last.ckpt");

    /// <summary>The best epoch's checkpoint (with <see cref="Monitor"/>).</summary>
    public string BestPath => Path.Combine(Directory, "best.ckpt");

    /// <inheritdoc/>
    /// <remarks>Runs after the other callbacks of a batch, so a checkpoint sees the batch complete.</remarks>
    public override int Order => 90;

    /// <inheritdoc/>
    public override void BeforeFit(FitContext context) =>
        _best = Mode == PlateauMode.Min ? double.PositiveInfinity : double.NegativeInfinity;

    /// <inheritdoc/>
    public override void AfterBatch(FitContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var done = context.Iteration;
        if (EverySteps > 0 && done % EverySteps == 0 && context.Batch < context.BatchCount - 1)
        {
            context.Learner.SaveCheckpoint(LastPath, context, done);
        }
    }

    /// <inheritdoc/>
    public override void AfterEpoch(FitContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var done = context.Iteration;
        if (EveryEpoch || (EverySteps > 0 && done % EverySteps == 0))
        {
            context.Learner.SaveCheckpoint(LastPath, context, done);
        }
        if (Monitor is not null && context.LastEpoch is { } row)
        {
            var value = row.Column(Monitor, context.Recorder.MetricNames);
            if (Mode == PlateauMode.Min ? value < _best : value > _best)
            {
                _best = value;
                context.Learner.SaveCheckpoint(BestPath, context, done);
            }
        }
    }
}
