namespace SchedDsl.Torch;

/// <summary>The JSON header of a checkpoint: what the binary sections hold and which fit and step it resumes.</summary>
internal sealed record CheckpointMeta
{
    public required IReadOnlyList<TensorEntry> Tensors { get; init; }

    public required IReadOnlyList<bool> RequiresGrad { get; init; }

    public string? Optimizer { get; init; }

    public int ParamGroups { get; init; }

    public FitMeta? Fit { get; init; }
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
internal sealed record FitMeta(int Step, int ScheduleSteps, int Epochs, int BatchCount, IReadOnlyDictionary<string, string> Schedules,
    double SmoothRaw, int SmoothCount, IReadOnlyList<double> LrScale, IReadOnlyList<EpochRow> Rows);

/// <summary>An <see cref="EpochResult"/> as stored.</summary>
internal sealed record EpochRow(int Epoch, double TrainLoss, double? ValidLoss, IReadOnlyList<double> Metrics, long TimeTicks)
{
    public static EpochRow From(EpochResult r) => new(r.Epoch, r.TrainLoss, r.ValidLoss, [.. r.Metrics], r.Time.Ticks);

    public EpochResult ToResult() => new(Epoch, TrainLoss, ValidLoss, [.. Metrics], TimeSpan.FromTicks(TimeTicks));
}
