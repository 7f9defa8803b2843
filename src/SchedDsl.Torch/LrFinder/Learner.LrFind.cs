namespace SchedDsl.Torch;

public sealed partial class Learner
{
    /// <summary>The most batches <see cref="LrFind"/> runs: far beyond any useful curve, and its recording is sized up front.</summary>
    public const int MaxLrFindIterations = 1_000_000;

    /// <summary>
    /// fastai's <c>lr_find</c>: trains with the learning rate growing exponentially from <paramref name="startLr"/> to
    /// <paramref name="endLr"/> over <paramref name="numIt"/> batches (batch <c>i</c> at <c>i/numIt</c>), without
    /// validation, recording fastai's smoothed loss; stops early when that loss exceeds 4× its best or is NaN/∞.
    /// </summary>
    /// <remarks>
    /// The model (parameters, gradients, buffers, training flag) and the optimizer (options and state) are snapshotted
    /// in memory first and restored bit for bit afterwards: also when training throws, diverges or is cancelled.
    /// <see cref="Recorder"/> then holds the finder's run.
    /// </remarks>
    /// <exception cref="SchedArgumentException">
    /// A rate that is not a finite number &gt; 0, or <c>endLr/startLr</c> too large to anneal finitely: the checks of
    /// <see cref="Sched.LrFinder"/>, with its message (<c>lr_finder: start_lr must be &gt; 0, got 0</c>).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="numIt"/> outside [1, <see cref="MaxLrFindIterations"/>].</exception>
    /// <exception cref="ArgumentException">The training data has no batches.</exception>
    public LrFindResult LrFind(double startLr = FastaiPresets.LrFinderStartLr, double endLr = FastaiPresets.LrFinderEndLr, int numIt = 100, bool stopDiv = true, CancellationToken cancellation = default)
    {
        if (numIt < 1 || numIt > MaxLrFindIterations)
        {
            throw new ArgumentOutOfRangeException(nameof(numIt), numIt, $"numIt must be in [1, {MaxLrFindIterations}], got {numIt}");
        }
        var schedule = Sched.LrFinder(startLr, endLr);
        if (Train.Count < 1)
        {
            throw new ArgumentException($"the training data has {Train.Count} batches; the LR finder needs at least one", nameof(numIt));
        }
        // fastai's num_it // len(dls.train) + 1, in long: numIt = int.MaxValue with one batch per epoch overflows int.
        // The finder stops after numIt batches, so capping at int.MaxValue epochs never cuts the run short.
        var epochs = (int)Math.Min(((long)numIt / Train.Count) + 1, int.MaxValue);
        var finder = new LrFinderCallback(numIt, stopDiv);
        using var snapshot = TrainingSnapshot.Capture(Model, CreateOptimizer());
        try
        {
            var plan = new FitPlan(epochs, new Dictionary<HyperParameter, Sched> { [HyperParameter.LearningRate] = schedule }, numIt,
                Validate: false, FailOnNonFinite: false, StartIteration: 0);
            var recorder = RunFit(plan, [finder], weightDecay: null, resume: null, cancellation);
            var lrs = recorder.Lrs.ToArray();
            var losses = recorder.Losses.ToArray();
            var result = new LrFindResult(lrs, losses, LrFindSuggestions.Compute(lrs, losses, numIt), finder.Diverged) { NumIt = numIt };
            LogSuggestions(result);
            return result;
        }
        finally
        {
            snapshot.Restore();
        }
    }

    private void LogSuggestions(LrFindResult result)
    {
        if (result.Suggestions is { } s)
        {
            LearnerLog.LrFindSuggested(Logger, s.Valley, s.LrSteep, s.LrMin, s.Slide, result.Lrs.Count, result.StoppedEarly);
        }
        else
        {
            LearnerLog.LrFindNoSuggestion(Logger, result.Lrs.Count, result.StoppedEarly);
        }
    }
}
