using SchedDsl.LrFinding;

namespace SchedDsl.Torch;

public sealed partial class Learner
{
    /// <summary>The most batches <see cref="LrFind"/> runs: far beyond any useful curve, and its recording is sized up front.</summary>
    public const int MaxLrFindIterations = 1_000_000;

    /// <summary>The most runs <see cref="LrFind"/> takes: a typo must not start a day of range tests.</summary>
    public const int MaxLrFindRuns = 100;

    /// <summary>
    /// fastai's <c>lr_find</c>: trains with the learning rate growing exponentially from <paramref name="startLr"/> to
    /// <paramref name="endLr"/> over <paramref name="numIt"/> batches (batch <c>i</c> at <c>i/numIt</c>), without
    /// validation, recording fastai's smoothed loss; stops early when that loss exceeds 4× its best or is NaN/∞.
    /// With <paramref name="runs"/> &gt; 1 it repeats that range test from the same starting point on other data orders
    /// and reports how much each suggestion varies (<see cref="LrFindResult.Spread"/>).
    /// </summary>
    /// <remarks>
    /// <para>The model (parameters, gradients, buffers, training flag) and the optimizer (options and state) are
    /// snapshotted in memory first and restored bit for bit afterwards: also when training throws, diverges or is
    /// cancelled. <see cref="Recorder"/> then holds the finder's (first) run.</para>
    /// <para>Runs: each starts from the snapshot (the same weights and optimizer state) and from the same state of
    /// torch's CPU random generator, so they differ only in their data: run <c>k</c> (from 0) asks the training source
    /// for its epochs from <c>k × E</c> on (<c>E = numIt / batches + 1</c>, the epochs one run spans), which a source
    /// that reshuffles per epoch (<see cref="TensorBatches"/> or <see cref="DataLoaderBatches"/> with <c>shuffle</c>,
    /// as fastai's training loader) serves in its own seeded order. The first run is exactly the run of
    /// <c>runs: 1</c>, and the learner is left as <c>runs: 1</c> leaves it, the CPU generator included. A run costs
    /// what one range test costs: <paramref name="runs"/> runs take about <paramref name="runs"/> times as long.</para>
    /// </remarks>
    /// <param name="startLr">The first learning rate (fastai's <c>start_lr</c>).</param>
    /// <param name="endLr">The last learning rate (fastai's <c>end_lr</c>).</param>
    /// <param name="numIt">The batches of one run (fastai's <c>num_it</c>), in [1, <see cref="MaxLrFindIterations"/>].</param>
    /// <param name="stopDiv">Stop a run when its smoothed loss exceeds 4× its best or is NaN/∞ (fastai's <c>stop_div</c>).</param>
    /// <param name="runs">How many range tests, in [1, <see cref="MaxLrFindRuns"/>]; 1 is fastai's <c>lr_find</c>.</param>
    /// <param name="cancellation">Checked before every batch.</param>
    /// <exception cref="SchedArgumentException">
    /// A rate that is not a finite number &gt; 0, or <c>endLr/startLr</c> too large to anneal finitely: the checks of
    /// <see cref="Sched.LrFinder"/>, with its message (<c>lr_finder: start_lr must be &gt; 0, got 0</c>).
    /// </exception>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="numIt"/> or <paramref name="runs"/> out of range.</exception>
    /// <exception cref="ArgumentException">
    /// The training data has no batches, or <paramref name="runs"/> &gt; 1 with a source that serves every epoch in
    /// the same order (the runs would all be the same).
    /// </exception>
    public LrFindResult LrFind(double startLr = FastaiPresets.LrFinderStartLr, double endLr = FastaiPresets.LrFinderEndLr, int numIt = 100, bool stopDiv = true,
        int runs = 1, CancellationToken cancellation = default)
    {
        if (numIt < 1 || numIt > MaxLrFindIterations)
        {
            throw new ArgumentOutOfRangeException(nameof(numIt), numIt, $"numIt must be in [1, {MaxLrFindIterations}], got {numIt}");
        }
        if (runs < 1 || runs > MaxLrFindRuns)
        {
            throw new ArgumentOutOfRangeException(nameof(runs), runs, $"runs must be in [1, {MaxLrFindRuns}], got {runs}");
        }
        var schedule = Sched.LrFinder(startLr, endLr);
        if (Train.Count < 1)
        {
            throw new ArgumentException($"the training data has {Train.Count} batches; the LR finder needs at least one", nameof(numIt));
        }
        CheckRunsDiffer(runs);
        // fastai's num_it // len(dls.train) + 1, in long: numIt = int.MaxValue with one batch per epoch overflows int.
        // The finder stops after numIt batches, so capping at int.MaxValue epochs never cuts the run short.
        var epochs = (int)Math.Min(((long)numIt / Train.Count) + 1, int.MaxValue);
        if ((long)epochs * runs > int.MaxValue)
        {
            throw new ArgumentOutOfRangeException(nameof(runs), runs, $"{runs} runs of {epochs} epochs exceed {int.MaxValue} epochs of the training source");
        }
        var plan = new FitPlan(epochs, new Dictionary<HyperParameter, Sched> { [HyperParameter.LearningRate] = schedule }, numIt,
            Validate: false, FailOnNonFinite: false, StartIteration: 0);
        using var snapshot = TrainingSnapshot.Capture(Model, CreateOptimizer());
        var startRng = runs > 1 ? RngState.Capture() : null;
        (byte[] Rng, Recorder Recorder)? afterFirst = null;
        try
        {
            var first = RunFinder(plan, numIt, stopDiv, cancellation);
            var curves = new List<LrFindCurve>(runs) { first.Curve };
            if (startRng is not null)
            {
                afterFirst = (RngState.Capture(), Recorder!);
                for (var run = 1; run < runs; run++)
                {
                    snapshot.Restore();
                    RngState.Restore(startRng);
                    curves.Add(RunFinder(plan with { DataEpochOffset = run * epochs }, numIt, stopDiv, cancellation).Curve);
                }
            }
            return first with { Runs = curves };
        }
        finally
        {
            snapshot.Restore();
            if (afterFirst is { } after)
            {
                RngState.Restore(after.Rng);
                Recorder = after.Recorder;
            }
        }
    }

    private LrFindResult RunFinder(FitPlan plan, int numIt, bool stopDiv, CancellationToken cancellation)
    {
        var finder = new LrFinderCallback(numIt, stopDiv);
        var recorder = RunFit(plan, [finder], weightDecay: null, resume: null, cancellation);
        var lrs = recorder.Lrs.ToArray();
        var losses = recorder.Losses.ToArray();
        var result = new LrFindResult(lrs, losses, LrFindSuggestions.Compute(lrs, losses, numIt), finder.Diverged) { NumIt = numIt };
        LogSuggestions(result);
        return result;
    }

    /// <summary>Refuses several runs of a source known to serve every epoch alike: the runs would repeat one curve.</summary>
    private void CheckRunsDiffer(int runs)
    {
        if (runs > 1 && Train is TensorBatches { ReshufflesPerEpoch: false } or DataLoaderBatches { ReshufflesPerEpoch: false })
        {
            throw new ArgumentException(
                $"runs = {runs} needs training data that is reshuffled each epoch ({Train.GetType().Name} with shuffle: true): "
                + "this source serves every epoch in the same order, so every run would repeat the first", nameof(runs));
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
