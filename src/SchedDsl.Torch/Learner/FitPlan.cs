namespace SchedDsl.Torch;

/// <summary>How the shared training loop runs one fit.</summary>
/// <param name="Epochs">Epochs of the fit.</param>
/// <param name="Schedules">The hyper-parameter schedules.</param>
/// <param name="ScheduleSteps">The steps the schedules span; null for the whole fit. The LR finder passes <c>num_it</c>.</param>
/// <param name="Validate">False for the LR finder (fastai skips validation there).</param>
/// <param name="FailOnNonFinite">True: a NaN/∞ loss throws <see cref="TrainingDivergedException"/>; false: it is recorded.</param>
/// <param name="StartIteration">The first batch to train, counted over the whole fit (resume; 0 for a fresh fit).</param>
/// <param name="Clock">What the schedules' position counts (the LR finder: batches).</param>
/// <param name="ClockTotal">The fit's total in the clock's unit; null for the total of its epochs (a cooldown branch ends mid-epoch at its own).</param>
/// <param name="EndIteration">The batch, over the whole fit, before which training stops; null for the end of the last epoch.</param>
/// <param name="DataEpochOffset">
/// Added to the epoch when asking the training source for its batches: the LR finder's run k reads epochs from k × its
/// epochs on, so each run gets its own (seeded) order from a source that reshuffles per epoch; 0 for a fit.
/// </param>
internal sealed record FitPlan(int Epochs, IReadOnlyDictionary<HyperParameter, Sched> Schedules, int? ScheduleSteps, bool Validate, bool FailOnNonFinite, int StartIteration,
    ClockUnit Clock = ClockUnit.Batches, long? ClockTotal = null, int? EndIteration = null, int DataEpochOffset = 0);
