namespace SchedDsl.Torch;

/// <summary>
/// A fit's clock: the unit it counts and the fit's total in that unit. It maps the loop's <see cref="FitProgress"/> to
/// the position every schedule is evaluated at, <c>units done / total</c>, in [0, 1].
/// </summary>
/// <param name="Unit">What it counts.</param>
/// <param name="Total">The fit's units: batches the schedules span, updates planned, samples, tokens, or epochs.</param>
/// <param name="BatchCount">Training batches per epoch: the epochs clock counts the epochs finished, <c>step / BatchCount</c>.</param>
/// <param name="TokensPerEpoch">The tokens of an epoch on the tokens clock (kept for the checkpoint: a branch's total is not a whole number of epochs); 0 on the others.</param>
internal sealed record FitClock(ClockUnit Unit, long Total, int BatchCount, long TokensPerEpoch = 0)
{
    /// <summary>
    /// The units <paramref name="progress"/> has done, in this clock's unit: the clock's value, reported besides the
    /// step (<see cref="FitContext.ClockValue"/>, <see cref="Recorder.ClockValues"/>).
    /// </summary>
    public long Done(in FitProgress progress) => Unit switch
    {
        ClockUnit.Updates => progress.Updates,
        ClockUnit.Samples => progress.Samples,
        ClockUnit.Tokens => progress.Tokens,
        // Before a batch this is the epoch it is in; after an epoch's last batch it already counts that epoch.
        ClockUnit.Epochs => progress.Step / BatchCount,
        _ => progress.Step,
    };

    /// <summary>
    /// The position of the batch about to train. For batches it is <c>step / total</c>, the same double as
    /// <see cref="ScheduleRunner.PositionOf"/>; a count past the plan (data that yields more rows than it declared)
    /// holds at 1.
    /// </summary>
    public double PositionOf(in FitProgress progress) => Math.Min(1.0, (double)Done(progress) / Total);

    /// <summary>The clock of a fit of <paramref name="epochs"/> epochs, checked against the data and the accumulation.</summary>
    /// <param name="unit">What it counts.</param>
    /// <param name="epochs">The fit's epochs.</param>
    /// <param name="scheduleSteps">The batches the schedules span (the fit's batches, or the LR finder's iterations).</param>
    /// <param name="batchCount">Training batches per epoch.</param>
    /// <param name="batchSizes">The rows of each batch of an epoch, or null when the data does not say.</param>
    /// <param name="accumulate">Samples per update (<see cref="Learner.AccumulateSamples"/>), 0 for one update per batch.</param>
    /// <param name="tokensPerEpoch">The tokens of an epoch (<see cref="Learner.TokensPerBatch"/> summed), for the tokens clock; 0 on the others.</param>
    /// <exception cref="ArgumentException">The clock needs batch sizes the data does not give, or the accumulation is larger than an epoch.</exception>
    public static FitClock For(ClockUnit unit, int epochs, int scheduleSteps, int batchCount, IReadOnlyList<int>? batchSizes, int accumulate, long tokensPerEpoch = 0)
    {
        if (!Enum.IsDefined(unit))
        {
            throw new ArgumentOutOfRangeException(nameof(unit), unit, $"the clock must be one of {string.Join(", ", Enum.GetNames<ClockUnit>())}, got {unit}");
        }
        var perEpoch = batchSizes?.Sum(s => (long)s);
        if (accumulate > 0 && perEpoch is { } rows && accumulate > rows)
        {
            throw new ArgumentException($"AccumulateSamples is {accumulate} but an epoch has {rows} samples: an update must come at least once an epoch", nameof(accumulate));
        }
        var needsSizes = unit == ClockUnit.Samples || (unit == ClockUnit.Updates && accumulate > 0);
        if (needsSizes && batchSizes is null)
        {
            throw new ArgumentException($"the {unit} clock{(unit == ClockUnit.Updates ? " with accumulation" : "")} needs the training data's batch sizes (IBatchSource.BatchSizes), which this source does not give; use TensorBatches or the Batches clock", nameof(batchSizes));
        }
        if (unit == ClockUnit.Tokens && tokensPerEpoch < 1)
        {
            throw new ArgumentException($"the Tokens clock needs the tokens of an epoch (Learner.TokensPerBatch summed over the training data), which must be >= 1, got {tokensPerEpoch}", nameof(tokensPerEpoch));
        }
        return unit switch
        {
            ClockUnit.Samples => new FitClock(unit, epochs * perEpoch!.Value, batchCount),
            ClockUnit.Updates => new FitClock(unit, accumulate > 0 ? PlannedUpdates(epochs, batchSizes!, accumulate) : scheduleSteps, batchCount),
            ClockUnit.Tokens => new FitClock(unit, checked(epochs * tokensPerEpoch), batchCount, tokensPerEpoch),
            ClockUnit.Epochs => new FitClock(unit, epochs, batchCount),
            _ => new FitClock(unit, scheduleSteps, batchCount),
        };
    }

    /// <summary>The updates a fit applies when every update is taken: one each time the accumulation window fills.</summary>
    private static long PlannedUpdates(int epochs, IReadOnlyList<int> batchSizes, int accumulate) =>
        Math.Max(1, ProgressAfter(epochs, batchSizes.Count, batchSizes, accumulate).Updates);

    /// <summary>
    /// The progress after <paramref name="epochs"/> whole epochs trained with every update taken: one update a batch, or
    /// one each time <paramref name="accumulate"/> samples have built up (fastai's <c>GradientAccumulation</c>, whose
    /// count runs across epochs). Unknown batch sizes count no samples; each epoch counts <paramref name="tokensPerEpoch"/> tokens.
    /// </summary>
    public static FitProgress ProgressAfter(int epochs, int batchCount, IReadOnlyList<int>? batchSizes, int accumulate, long tokensPerEpoch = 0)
    {
        var progress = new FitProgress(epochs, 0, 0, 0, 0, 0);
        for (var epoch = 0; epoch < epochs; epoch++)
        {
            for (var batch = 0; batch < batchCount; batch++)
            {
                long rows = batchSizes?[batch] ?? 0;
                progress = progress.After(rows, tokens: 0, accumulate == 0 || progress.PendingSamples + rows >= accumulate, skipped: false);
            }
        }
        return progress with { Tokens = epochs * tokensPerEpoch };
    }
}
