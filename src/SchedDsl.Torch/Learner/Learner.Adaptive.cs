namespace SchedDsl.Torch;

public sealed partial class Learner
{
    /// <summary>
    /// Fits with a metric-driven learning rate (<see cref="AdaptiveSched"/>: reduce-on-plateau, GreedyLR, or phases of
    /// them between planned parts): the loop folds <paramref name="monitor"/> into the schedule's state at its declared
    /// points, and the state is saved in every checkpoint and restored on resume.
    /// </summary>
    /// <param name="epochs">Epochs, &gt;= 1.</param>
    /// <param name="lr">The learning-rate schedule; per-group values need one value per layer group.</param>
    /// <param name="monitor">
    /// The metric observed at each epoch's end: <c>valid_loss</c>, <c>train_loss</c> or a metric's name. A schedule that
    /// observes every N clock units (<c>every=N</c>) reads the smoothed training loss, the only one known mid-epoch, so
    /// it needs <c>train_loss</c> here.
    /// </param>
    /// <param name="schedules">Other hyper-parameters' planned schedules (momentum, weight decay); null for none.</param>
    /// <param name="weightDecay">Weight decay; null for <see cref="WeightDecay"/>.</param>
    /// <param name="callbacks">Extra callbacks.</param>
    /// <param name="resumeFrom">A checkpoint of this same fit (<see cref="CheckpointCallback"/>): as for <see cref="Fit(int, IReadOnlyDictionary{HyperParameter, Sched}, double?, IEnumerable{Callback}?, int, string?, CancellationToken)"/>, with the schedule's state restored. An adaptive fit cannot be re-planned to another length.</param>
    /// <param name="cancellation">Cancels between batches.</param>
    /// <returns>This fit's recorder.</returns>
    /// <exception cref="ArgumentException">A learning rate in <paramref name="schedules"/> too, or <c>every=N</c> with a monitor other than <c>train_loss</c>.</exception>
    // RS0026 guards shipped overloads against ambiguity once optional parameters are added; this overload is new and
    // its second parameter's type (AdaptiveSched) tells it apart from the others.
#pragma warning disable RS0026
    public Recorder Fit(int epochs, AdaptiveSched lr, string monitor = EpochColumns.ValidLoss, IReadOnlyDictionary<HyperParameter, Sched>? schedules = null,
        double? weightDecay = null, IEnumerable<Callback>? callbacks = null, string? resumeFrom = null, CancellationToken cancellation = default)
    {
        ArgumentNullException.ThrowIfNull(lr);
        ArgumentException.ThrowIfNullOrEmpty(monitor);
        if (schedules?.ContainsKey(HyperParameter.LearningRate) == true)
        {
            throw new ArgumentException("the learning rate is the adaptive schedule lr; schedules holds another one", nameof(schedules));
        }
        if (lr.Every > 0 && monitor != EpochColumns.TrainLoss)
        {
            throw new ArgumentException($"{lr} observes every {lr.Every} {Clock.ToString().ToLowerInvariant()}, mid-epoch, where only train_loss is known; monitor is {monitor}", nameof(monitor));
        }
        var cell = new AdaptiveCell(lr, GroupCount);
        var all = new Dictionary<HyperParameter, Sched>(schedules ?? new Dictionary<HyperParameter, Sched>()) { [HyperParameter.LearningRate] = new AdaptiveView(cell) };
        return Run(Plan(epochs, all), [new AdaptiveFold(cell, monitor), .. callbacks ?? []], weightDecay, startEpoch: 0, resumeFrom, cancellation);
    }
#pragma warning restore RS0026
}
