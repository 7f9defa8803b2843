using static TorchSharp.torch;
using static TorchSharp.torch.optim;

namespace SchedDsl.Torch;

/// <summary>
/// fastai's <c>Learner</c> over a TorchSharp model: a loss, training and validation batches, an optimizer factory
/// (AdamW, <c>wd=0.01</c>, decoupled, no weight decay on biases and normalisation by default) and a splitter into
/// layer groups for discriminative learning rates. Fits with fastai's schedules (<see cref="FitOneCycle"/>,
/// <see cref="FitFlatCos"/>, <see cref="FitSgdr"/>, <see cref="FineTune"/>) and finds a learning rate
/// (<see cref="LrFind"/>) without changing the model.
/// </summary>
/// <remarks>
/// <para>Device: the learner trains on the device of the model's parameters and moves each batch there. The only
/// host–device synchronisation per training batch is reading the loss (for the recorder, the smoothed loss and the
/// divergence check); validation reads its loss sum and metrics once per pass.</para>
/// <para>The optimizer is created at the first fit (fastai's <c>create_opt</c>) and kept across fits, so momentum
/// buffers carry over as in fastai; <see cref="ResetOptimizer"/> drops it.</para>
/// <para>Thread-safety: not thread-safe; one fit at a time.</para>
/// </remarks>
public sealed partial class Learner : IDisposable
{
    private Optimizer? _optimizer;
    private GroupLayout? _layout;
    private IReadOnlyList<IReadOnlyList<TorchSharp.Modules.Parameter>>? _layerGroups;

    /// <summary>Creates a learner.</summary>
    /// <param name="model">The model; train it on a device by moving it there first (<c>model.to(CUDA)</c>).</param>
    /// <param name="train">The training batches.</param>
    /// <param name="valid">The validation batches, or null to skip validation.</param>
    /// <param name="lossFunction">The loss, with mean reduction (e.g. <c>nn.CrossEntropyLoss().forward</c>).</param>
    public Learner(nn.Module<Tensor, Tensor> model, IBatchSource train, IBatchSource? valid, Func<Tensor, Tensor, Tensor> lossFunction)
    {
        Model = model ?? throw new ArgumentNullException(nameof(model));
        Train = train ?? throw new ArgumentNullException(nameof(train));
        Valid = valid;
        LossFunction = lossFunction ?? throw new ArgumentNullException(nameof(lossFunction));
    }

    /// <summary>The model.</summary>
    public nn.Module<Tensor, Tensor> Model { get; }

    /// <summary>The training batches.</summary>
    public IBatchSource Train { get; }

    /// <summary>The validation batches, or null.</summary>
    public IBatchSource? Valid { get; }

    /// <summary>The loss function.</summary>
    public Func<Tensor, Tensor, Tensor> LossFunction { get; }

    /// <summary>The default learning rate of the fits (fastai's <c>lr=1e-3</c>): a number, per-group list or slice.</summary>
    public Hyper Lr { get; set; } = 1e-3;

    /// <summary>The weight decay (fastai's <c>wd</c>; its <c>Adam</c> default is 0.01, decoupled).</summary>
    public double WeightDecay { get; set; } = 0.01;

    /// <summary>Whether biases and normalisation parameters get weight decay (fastai's <c>bn_wd</c>, default false). Read when the optimizer is created.</summary>
    public bool DecayNormsAndBiases { get; set; }

    /// <summary>Whether normalisation layers stay trainable when frozen (fastai's <c>train_bn</c>, default true).</summary>
    public bool TrainNormsWhenFrozen { get; set; } = true;

    /// <summary>The optimizer factory (fastai's <c>opt_func</c>); default <see cref="Optimizers.AdamW"/>. Read when the optimizer is created.</summary>
    public OptimizerFactory OptimizerFactory { get; set; } = Optimizers.AdamW();

    /// <summary>The splitter into layer groups (fastai's <c>splitter</c>); default one group. Read when the optimizer is created.</summary>
    public Splitter Splitter { get; set; } = Splitters.OneGroup;

    /// <summary>The metrics computed on the validation data after every epoch.</summary>
    public IList<Metric> Metrics { get; } = [];

    /// <summary>Callbacks added to every fit (and to <see cref="LrFind"/>).</summary>
    public IList<Callback> Callbacks { get; } = [];

    /// <summary>The smoothing of the training loss (fastai's <c>moms</c> of <c>AvgSmoothLoss</c>, 0.98).</summary>
    public double SmoothBeta { get; set; } = 0.98;

    /// <summary>The recorder of the last fit (or LR finder run), or null before the first.</summary>
    public Recorder? Recorder { get; private set; }

    /// <summary>The optimizer, created at the first fit (or by <see cref="CreateOptimizer"/>).</summary>
    public Optimizer? Optimizer => _optimizer;

    /// <summary>The number of layer groups (known once the optimizer exists, else computed by the splitter).</summary>
    public int GroupCount => (_layerGroups ?? Split()).Count;

    /// <summary>The device of the model's parameters: where training runs.</summary>
    public Device Device => Model.parameters().FirstOrDefault()?.device ?? CPU;

    /// <summary>Creates the optimizer now if it does not exist (fastai's <c>create_opt</c>) and returns it.</summary>
    public Optimizer CreateOptimizer()
    {
        if (_optimizer is null)
        {
            var (optimizer, layout, groups) = BuildOptimizer();
            (_optimizer, _layout, _layerGroups) = (optimizer, layout, groups);
        }
        return _optimizer;
    }

    /// <summary>Drops the optimizer (and its state); the next fit creates a fresh one (fastai's <c>reset_opt</c>).</summary>
    public void ResetOptimizer()
    {
        _optimizer?.Dispose();
        (_optimizer, _layout, _layerGroups) = (null, null, null);
    }

    /// <inheritdoc/>
    public void Dispose()
    {
        ResetOptimizer();
        foreach (var metric in Metrics)
        {
            metric.Dispose();
        }
    }
}
