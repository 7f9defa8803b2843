using static TorchSharp.torch.optim;

namespace SchedDsl.Torch;

/// <summary>The state of a running fit, as callbacks see it (fastai exposes the same through the learner).</summary>
/// <remarks>Not thread-safe: valid on the training thread during the fit.</remarks>
public sealed class FitContext
{
    internal FitContext(Learner learner, Optimizer optimizer, Recorder recorder, int epochCount, int batchCount, GroupLayout layout, CancellationToken cancellation)
    {
        Learner = learner;
        Optimizer = optimizer;
        Recorder = recorder;
        EpochCount = epochCount;
        BatchCount = batchCount;
        Layout = layout;
        Cancellation = cancellation;
    }

    /// <summary>The learner being fitted.</summary>
    public Learner Learner { get; }

    /// <summary>The optimizer.</summary>
    public Optimizer Optimizer { get; }

    /// <summary>This fit's recorder.</summary>
    public Recorder Recorder { get; }

    /// <summary>The number of epochs of this fit (fastai's <c>n_epoch</c>).</summary>
    public int EpochCount { get; }

    /// <summary>Training batches per epoch (fastai's <c>len(dls.train)</c>).</summary>
    public int BatchCount { get; }

    /// <summary>Training batches in the whole fit (<c>EpochCount * BatchCount</c>).</summary>
    public int TotalIterations => EpochCount * BatchCount;

    /// <summary>The current epoch, from 0.</summary>
    public int Epoch { get; internal set; }

    /// <summary>The current batch within the epoch, from 0.</summary>
    public int Batch { get; internal set; }

    /// <summary>The training batches completed in this fit (fastai's <c>train_iter</c>).</summary>
    public int Iteration { get; internal set; }

    /// <summary>The last training batch's loss (read from the device once per batch).</summary>
    public double Loss { get; internal set; } = double.NaN;

    /// <summary>fastai's smoothed training loss after the last batch.</summary>
    public double SmoothLoss { get; internal set; } = double.NaN;

    /// <summary>The results row of the epoch that just ended (in <see cref="Callback.AfterEpoch"/>).</summary>
    public EpochResult? LastEpoch { get; internal set; }

    /// <summary>The schedule runner of this fit's <see cref="ParamScheduler"/>, if any.</summary>
    public ScheduleRunner? Runner { get; internal set; }

    /// <summary>The cancellation token of the fit.</summary>
    public CancellationToken Cancellation { get; }

    /// <summary>True once a callback asked the fit to stop.</summary>
    public bool StopRequested { get; private set; }

    internal GroupLayout Layout { get; }

    /// <summary>Asks the fit to stop after the current batch (fastai's <c>CancelFitException</c>); <c>AfterFit</c> still runs.</summary>
    public void RequestStop() => StopRequested = true;
}
