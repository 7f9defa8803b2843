namespace SchedDsl.Torch;

/// <summary>
/// PyTorch's <c>ReduceLROnPlateau</c> as a callback that composes with the schedules: after each epoch it reads the
/// monitored value (valid loss by default); when it has not improved for more than <see cref="Patience"/> epochs it
/// multiplies every layer group's learning-rate scale (<see cref="HyperApplier.ScaleLr"/>) by <see cref="Factor"/>, so the scheduled curve keeps its shape at
/// a lower level from then on.
/// </summary>
/// <remarks>
/// <para>Semantics follow PyTorch: an epoch is better when it beats the best by <see cref="Threshold"/>
/// (<see cref="ThresholdMode"/>); after a reduction, <see cref="Cooldown"/> epochs pass before bad epochs count
/// again; a reduction never takes a group's current learning rate below <see cref="MinLr"/> and is skipped when it
/// would change the rate by less than <see cref="Eps"/>.</para>
/// <para>Thread-safety: one instance per fit at a time.</para>
/// </remarks>
public sealed class ReduceLrOnPlateau : Callback
{
    private double _best;
    private int _badEpochs;
    private int _cooldownLeft;

    /// <summary>Creates the callback; arguments are PyTorch's, with its defaults.</summary>
    /// <param name="monitor"><c>valid_loss</c>, <c>train_loss</c> or a metric name.</param>
    /// <param name="mode">Whether the monitored value should fall or rise.</param>
    /// <param name="factor">The multiplier on the learning rate, in (0, 1).</param>
    /// <param name="patience">Epochs without improvement tolerated before reducing, &gt;= 0.</param>
    /// <param name="threshold">The improvement that counts, &gt;= 0.</param>
    /// <param name="thresholdMode">Relative or absolute threshold.</param>
    /// <param name="cooldown">Epochs to wait after a reduction before counting bad epochs, &gt;= 0.</param>
    /// <param name="minLr">The lowest learning rate a reduction may set, &gt;= 0.</param>
    /// <param name="eps">The smallest change worth applying, &gt;= 0.</param>
    public ReduceLrOnPlateau(string monitor = "valid_loss", PlateauMode mode = PlateauMode.Min, double factor = 0.1, int patience = 10,
        double threshold = 1e-4, ThresholdMode thresholdMode = ThresholdMode.Relative, int cooldown = 0, double minLr = 0, double eps = 1e-8)
    {
        ArgumentException.ThrowIfNullOrEmpty(monitor);
        if (!(factor > 0 && factor < 1))
        {
            throw new ArgumentOutOfRangeException(nameof(factor), factor, $"factor must be in (0, 1), got {factor}");
        }
        ArgumentOutOfRangeException.ThrowIfNegative(patience);
        ArgumentOutOfRangeException.ThrowIfNegative(cooldown);
        if (!(threshold >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(threshold), threshold, $"threshold must be >= 0, got {threshold}");
        }
        if (!(minLr >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(minLr), minLr, $"minLr must be >= 0, got {minLr}");
        }
        if (!(eps >= 0))
        {
            throw new ArgumentOutOfRangeException(nameof(eps), eps, $"eps must be >= 0, got {eps}");
        }
        (Monitor, Mode, Factor, Patience, Threshold, ThresholdMode, Cooldown, MinLr, Eps) =
            (monitor, mode, factor, patience, threshold, thresholdMode, cooldown, minLr, eps);
        Reset();
    }

    /// <summary>The monitored column.</summary>
    public string Monitor { get; }

    /// <summary>Whether the monitored value should fall or rise.</summary>
    public PlateauMode Mode { get; }

    /// <summary>The learning-rate multiplier per reduction.</summary>
    public double Factor { get; }

    /// <summary>Bad epochs tolerated.</summary>
    public int Patience { get; }

    /// <summary>The improvement that counts.</summary>
    public double Threshold { get; }

    /// <summary>Relative or absolute threshold.</summary>
    public ThresholdMode ThresholdMode { get; }

    /// <summary>Epochs to wait after a reduction.</summary>
    public int Cooldown { get; }

    /// <summary>The lower bound on a reduced learning rate.</summary>
    public double MinLr { get; }

    /// <summary>The smallest change applied.</summary>
    public double Eps { get; }

    /// <summary>The epochs (from 0) after which the learning rate was reduced, in this fit.</summary>
    public IList<int> Reductions { get; } = [];

    /// <inheritdoc/>
    public override int Order => 20;

    /// <inheritdoc/>
    public override void BeforeFit(FitContext context)
    {
        Reset();
        Reductions.Clear();
    }

    /// <inheritdoc/>
    public override void AfterEpoch(FitContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var applier = context.Runner.Applier as HyperApplier
            ?? throw new InvalidOperationException("ReduceLrOnPlateau scales the Learner's learning-rate schedule; this fit's runner has another applier");
        var current = Read(context);
        if (IsBetter(current))
        {
            _best = current;
            _badEpochs = 0;
        }
        else
        {
            _badEpochs++;
        }
        if (_cooldownLeft > 0)
        {
            _cooldownLeft--;
            _badEpochs = 0;
        }
        if (_badEpochs > Patience)
        {
            Reduce(applier);
            Reductions.Add(context.Epoch);
            _cooldownLeft = Cooldown;
            _badEpochs = 0;
        }
    }

    private void Reset()
    {
        _best = Mode == PlateauMode.Min ? double.PositiveInfinity : double.NegativeInfinity;
        _badEpochs = 0;
        _cooldownLeft = 0;
    }

    private double Read(FitContext context)
    {
        var row = context.LastEpoch ?? throw new InvalidOperationException("no epoch results to monitor");
        return row.Column(Monitor, context.Recorder.MetricNames);
    }

    private bool IsBetter(double value) => (Mode, ThresholdMode) switch
    {
        (PlateauMode.Min, ThresholdMode.Relative) => value < _best * (1 - Threshold),
        (PlateauMode.Min, ThresholdMode.Absolute) => value < _best - Threshold,
        (PlateauMode.Max, ThresholdMode.Relative) => value > _best * (1 + Threshold),
        _ => value > _best + Threshold,
    };

    /// <summary>Scales each layer group's learning rate through the applier: a transform of what is applied, so the schedule keeps its shape.</summary>
    private void Reduce(HyperApplier applier)
    {
        for (var g = 0; g < applier.GroupCount; g++)
        {
            var old = applier.Values[HyperParameter.LearningRate, g];
            var scale = applier.LrScale(g);
            if (!(old > 0))
            {
                applier.ScaleLr(g, scale * Factor);
                continue;
            }
            var updated = Math.Max(old * Factor, MinLr);
            if (old - updated > Eps)
            {
                applier.ScaleLr(g, scale * updated / old);
            }
        }
    }
}
