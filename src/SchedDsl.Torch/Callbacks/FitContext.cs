using static TorchSharp.torch.optim;

namespace SchedDsl.Torch;

/// <summary>
/// The state of a running fit, as callbacks see it (fastai exposes the same through the learner). The loop owns the
/// clock: <see cref="Epoch"/>, <see cref="Batch"/>, <see cref="Iteration"/>, <see cref="Progress"/> and
/// <see cref="Position"/> are set by it alone, and everything else (the runner, the recorder, callbacks) reads them.
/// </summary>
/// <remarks>
/// <para>The scheduled values of a batch are in the optimizer before its first <c>BeforeBatch</c> callback runs, and
/// stay there until its last <c>AfterBatch</c> callback has run: every callback of a batch sees the values that batch
/// trains with (<see cref="Hypers"/>).</para>
/// <para>Not thread-safe: valid on the training thread during the fit.</para>
/// </remarks>
public sealed class FitContext
{
    internal FitContext(Learner learner, Optimizer optimizer, Recorder recorder, ScheduleRunner runner, FitClock clock, int epochCount, int batchCount, CancellationToken cancellation)
    {
        FitClock = clock;
        Learner = learner;
        Optimizer = optimizer;
        Recorder = recorder;
        Runner = runner;
        EpochCount = epochCount;
        BatchCount = batchCount;
        TotalIterations = checked(epochCount * batchCount);
        Cancellation = cancellation;
    }

    /// <summary>The learner being fitted.</summary>
    public Learner Learner { get; }

    /// <summary>The optimizer.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>How the optimizer's param groups map to the learner's layer groups (which param group belongs to which layer group).</summary>
    public GroupLayout Layout => ((HyperApplier)Runner.Applier).Layout;

    /// <summary>This fit's recorder.</summary>
    public Recorder Recorder { get; }

    /// <summary>The runner that applies this fit's schedules before every batch.</summary>
    public ScheduleRunner Runner { get; }

    /// <summary>
    /// The current value of every scheduled hyper-parameter for every layer group (fastai's <c>learn.opt.hypers</c>):
    /// what the current batch trains with.
    /// </summary>
    public HyperValues Hypers => Runner.Values!;

    /// <summary>The number of epochs of this fit (fastai's <c>n_epoch</c>).</summary>
    public int EpochCount { get; }

    /// <summary>Training batches per epoch (fastai's <c>len(dls.train)</c>).</summary>
    public int BatchCount { get; }

    /// <summary>Training batches in the whole fit (<c>EpochCount * BatchCount</c>, fastai's <c>n_iter * n_epoch</c>).</summary>
    public int TotalIterations { get; }

    /// <summary>The current epoch, from 0.</summary>
    public int Epoch { get; internal set; }

    /// <summary>The current batch within the epoch, from 0.</summary>
    public int Batch { get; internal set; }

    /// <summary>
    /// The training batches completed in this fit (fastai's <c>train_iter</c>): in <c>BeforeBatch</c> the index of the
    /// batch about to train (its values are applied at <c>Iteration / TotalIterations</c>); in <c>AfterBatch</c> it
    /// already counts that batch, as fastai's <c>TrainEvalCallback</c> advances it first.
    /// </summary>
    public int Iteration { get; internal set; }

    /// <summary>The fit's position, <c>Iteration / TotalIterations</c> (fastai's <c>pct_train</c>): in <c>BeforeBatch</c>, where the schedules are evaluated.</summary>
    public double PctTrain => (double)Iteration / TotalIterations;

    /// <summary>What this fit's clock counts: every schedule is evaluated at that unit's done / total (<see cref="Position"/>).</summary>
    public ClockUnit Clock => FitClock.Unit;

    /// <summary>The fit's total in the clock's unit: batches the schedules span, updates planned, samples, tokens or epochs.</summary>
    public long ClockTotal => FitClock.Total;

    /// <summary>
    /// The clock's value: the units of <see cref="Clock"/> done (batches, updates applied, samples or tokens seen, epochs
    /// finished), besides the step (<see cref="Iteration"/>). In <c>BeforeBatch</c> it is where the batch's schedules are
    /// evaluated (<see cref="Position"/> = <c>ClockValue / ClockTotal</c>, at most 1); in <c>AfterBatch</c> it counts the batch.
    /// </summary>
    public long ClockValue => FitClock.Done(Progress);

    /// <summary>
    /// Where the fit is in every unit (batches, updates, samples, epochs, skipped updates): in <c>BeforeBatch</c> before
    /// the batch, in <c>AfterBatch</c> after it. The loop alone advances it.
    /// </summary>
    public FitProgress Progress { get; internal set; }

    /// <summary>The clock's position of the current batch: where its schedules were evaluated (equal to <see cref="PctTrain"/> on the batches clock).</summary>
    public double Position { get; internal set; }

    /// <summary>Updates skipped so far because their gradients were not finite (<see cref="Learner.SkipNonFiniteUpdates"/>).</summary>
    public int SkippedUpdates => Progress.SkippedUpdates;

    /// <summary>The last training batch's loss (read from the device once per batch).</summary>
    public double Loss { get; internal set; } = double.NaN;

    /// <summary>fastai's smoothed training loss after the last batch.</summary>
    public double SmoothLoss { get; internal set; } = double.NaN;

    /// <summary>The results row of the epoch that just ended (in <see cref="Callback.AfterEpoch"/>).</summary>
    public EpochResult? LastEpoch { get; internal set; }

    /// <summary>The cancellation token of the fit.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>True once a callback asked the fit to stop.</summary>
    public bool StopRequested { get; private set; }

    /// <summary>The clock that maps <see cref="Progress"/> to <see cref="Position"/>.</summary>
    internal FitClock FitClock { get; }

    /// <summary>The training-loss smoother, whose state a checkpoint carries so a resumed fit reports the same losses.</summary>
    internal SmoothLoss Smooth { get; set; } = null!;

    /// <summary>The fit's logger and metrics publisher.</summary>
    internal FitObserver Observer { get; set; } = null!;

    /// <summary>Asks the fit to stop after the current batch (fastai's <c>CancelFitException</c>); <c>AfterFit</c> still runs.</summary>
    public void RequestStop() => StopRequested = true;
}
