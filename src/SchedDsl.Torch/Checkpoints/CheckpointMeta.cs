namespace SchedDsl.Torch;

/// <summary>The JSON header of a checkpoint: what the binary sections hold and which fit and step it resumes.</summary>
internal sealed record CheckpointMeta
{
    public required IReadOnlyList<TensorEntry> Tensors { get; init; }

    public required IReadOnlyList<bool> RequiresGrad { get; init; }

    public string? Optimizer { get; init; }

    public int ParamGroups { get; init; }

    public FitMeta? Fit { get; init; }

    /// <summary>
    /// What is wrong with a header that parsed as JSON, or null: the reader enforces the types and the required
    /// members, this the rest a file could get wrong (null elements, negative counts, a step outside the fit).
    /// </summary>
    public string? Problem()
    {
        if (Tensors.Any(t => t is null || t.Name is null || t.Shape is null))
        {
            return "a tensor entry without a name or shape";
        }
        if (Tensors.FirstOrDefault(t => t.Shape.Any(d => d < 0)) is { } negative)
        {
            return $"tensor '{negative.Name}' has a negative size [{string.Join(", ", negative.Shape)}]";
        }
        if (Tensors.GroupBy(t => t.Name, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1) is { } twice)
        {
            return $"tensor '{twice.Key}' is listed twice";
        }
        if (ParamGroups < 0)
        {
            return $"param_groups is {ParamGroups}, below 0";
        }
        return Fit?.Problem();
    }
}

/// <summary>A model tensor's name and shape, checked against the model before anything is loaded.</summary>
internal sealed record TensorEntry(string Name, long[] Shape);

/// <summary>Where in which fit a checkpoint was taken.</summary>
/// <param name="Step">The next batch to train, counted over the whole fit.</param>
/// <param name="ScheduleSteps">The steps the schedules span.</param>
/// <param name="Epochs">The fit's epochs.</param>
/// <param name="BatchCount">Training batches per epoch.</param>
/// <param name="Schedules">Each schedule's text form, keyed by fastai's name.</param>
/// <param name="SmoothRaw">The loss smoother's running value.</param>
/// <param name="SmoothCount">The losses the smoother has seen.</param>
/// <param name="LrScale">Each layer group's learning-rate scale (reduce-on-plateau).</param>
/// <param name="Rows">The results rows of the epochs finished.</param>
/// <param name="Clock">The fit's clock unit (<see cref="ClockUnit"/> by name); null in files written before clocks, which counted batches.</param>
/// <param name="Accumulate">The fit's <see cref="Learner.AccumulateSamples"/>.</param>
/// <param name="Updates">Optimizer updates applied before <paramref name="Step"/>.</param>
/// <param name="Samples">Samples seen before <paramref name="Step"/>.</param>
/// <param name="PendingSamples">Samples accumulated but not yet applied at <paramref name="Step"/>.</param>
/// <param name="SkippedUpdates">Updates skipped before <paramref name="Step"/>.</param>
/// <param name="Tokens">Tokens seen before <paramref name="Step"/> (the tokens clock).</param>
/// <param name="TokensPerEpoch">The tokens of an epoch the fit counted (the tokens clock; 0 on the others).</param>
/// <param name="ClockTotal">The fit's total in its clock's unit; null in files written before it was stored, whose total follows from the epochs.</param>
/// <param name="Adaptive">An adaptive learning rate's fold state per resolved group (<see cref="AdaptiveCell"/>); null for a planned one.</param>
internal sealed record FitMeta(int Step, int ScheduleSteps, int Epochs, int BatchCount, IReadOnlyDictionary<string, string> Schedules,
    double SmoothRaw, int SmoothCount, IReadOnlyList<double> LrScale, IReadOnlyList<EpochRow> Rows,
    string? Clock = null, int Accumulate = 0, int Updates = 0, long Samples = 0, long PendingSamples = 0, int SkippedUpdates = 0,
    long Tokens = 0, long TokensPerEpoch = 0, long? ClockTotal = null, IReadOnlyList<AdaptiveRow>? Adaptive = null)
{
    /// <summary>The fit's clock: its stored total, or (files written before it was stored) the total of its epochs.</summary>
    /// <param name="batchSizes">The training data's batch sizes.</param>
    public FitClock FitClockOf(IReadOnlyList<int>? batchSizes)
    {
        var clock = FitClock.For(ClockUnit, Epochs, ScheduleSteps, BatchCount, batchSizes, Accumulate, TokensPerEpoch);
        return ClockTotal is { } total ? clock with { Total = total } : clock;
    }

    /// <summary>The clock the fit counted on (batches for files written before clocks).</summary>
    public ClockUnit ClockUnit => Clock is null ? ClockUnit.Batches : Enum.Parse<ClockUnit>(Clock, ignoreCase: true);

    /// <summary>The fit's progress at <see cref="Step"/>.</summary>
    public FitProgress Progress => new(Step / BatchCount, Step, Updates, Samples, PendingSamples, SkippedUpdates, Tokens);

    /// <summary>The fit's batches.</summary>
    public long TotalSteps => (long)Epochs * BatchCount;

    /// <summary>What is wrong with the fit's part of the header, or null. Checks against the learner come later (<see cref="Checkpoint.ForFit"/>).</summary>
    public string? Problem()
    {
        if (Epochs < 1 || BatchCount < 1 || ScheduleSteps < 1)
        {
            return $"epochs {Epochs}, batches per epoch {BatchCount} and schedule steps {ScheduleSteps} must all be >= 1";
        }
        if (Step < 0 || Step > TotalSteps)
        {
            return $"step {Step} is outside [0, {TotalSteps}]";
        }
        if (Clock is not null && !Enum.TryParse<ClockUnit>(Clock, ignoreCase: true, out _))
        {
            return $"clock '{Clock}' is not one of {string.Join(", ", Enum.GetNames<ClockUnit>())}";
        }
        if (Accumulate < 0 || Updates < 0 || Samples < 0 || PendingSamples < 0 || SkippedUpdates < 0 || Updates + SkippedUpdates > Step || Tokens < 0 || TokensPerEpoch < 0)
        {
            return $"its progress (accumulate {Accumulate}, updates {Updates}, skipped {SkippedUpdates}, samples {Samples}, pending {PendingSamples}, tokens {Tokens} of {TokensPerEpoch} an epoch) is negative or counts more updates than the {Step} batches done";
        }
        if (ClockUnit == ClockUnit.Tokens && TokensPerEpoch < 1)
        {
            return "it counts tokens but holds no tokens per epoch";
        }
        if (ClockTotal is < 1)
        {
            return $"clock total {ClockTotal} is below 1";
        }
        if (Schedules.Any(kv => kv.Value is null))
        {
            return "a schedule without a text";
        }
        if (!(double.IsFinite(SmoothRaw) && SmoothCount >= 0 && SmoothCount <= Step))
        {
            return $"the loss smoother holds {SmoothRaw} after {SmoothCount} losses; it needs a finite value after [0, {Step}] losses";
        }
        foreach (var scale in LrScale)
        {
            if (!(scale >= 0 && double.IsFinite(scale)))
            {
                return $"learning-rate scale {scale} is not a finite number >= 0";
            }
        }
        if (Adaptive is not null && Adaptive.Any(a => a is null || a.Rules is null))
        {
            return "an adaptive schedule's state without its rules";
        }
        if (Rows.Any(r => r is null || r.Metrics is null))
        {
            return "a results row without metrics";
        }
        // A fit started at startEpoch > 0 records from that epoch on, so the rows need not start at 0.
        var begun = (Step + BatchCount - 1) / BatchCount;
        if (Rows.Count > begun || Rows.Any(r => r.Epoch < 0 || r.Epoch >= begun) || Rows.Zip(Rows.Skip(1)).Any(p => p.First.Epoch >= p.Second.Epoch))
        {
            return $"its results rows (epochs [{string.Join(", ", Rows.Select(r => r.Epoch))}]) are not increasing epochs among the {begun} begun by step {Step}";
        }
        return Rows.FirstOrDefault(r => r.TimeTicks < 0) is { } row ? $"the results row of epoch {row.Epoch} has a negative time" : null;
    }
}

/// <summary>An <see cref="EpochResult"/> as stored.</summary>
/// <remarks><see cref="Step"/> and <see cref="ClockValue"/> are 0 in files written before the rows held them.</remarks>
internal sealed record EpochRow(int Epoch, double TrainLoss, double? ValidLoss, IReadOnlyList<double> Metrics, long TimeTicks, int Step = 0, long ClockValue = 0)
{
    public static EpochRow From(EpochResult r) => new(r.Epoch, r.TrainLoss, r.ValidLoss, [.. r.Metrics], r.Time.Ticks, r.Step, r.ClockValue);

    public EpochResult ToResult() => new(Epoch, TrainLoss, ValidLoss, [.. Metrics], TimeSpan.FromTicks(TimeTicks)) { Step = Step, ClockValue = ClockValue };
}

/// <summary>An <see cref="AdaptiveState"/> as stored: checked against the fit's schedule by <see cref="AdaptiveState.Restore"/>.</summary>
internal sealed record AdaptiveRow(int Observations, IReadOnlyList<RuleState> Rules);
