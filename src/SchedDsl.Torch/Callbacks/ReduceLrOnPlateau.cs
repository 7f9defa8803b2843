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
/// <para>
/// A thin use of the plateau rule of <see cref="AdaptiveSched.Plateau"/> (the same step function, the same argument
/// checks), folded over each layer group's state. Its state is not in the checkpoint; for a plateau whose state is
/// saved and restored, and that composes with warmup and cooldown phases, pass <see cref="AdaptiveSched.Plateau"/> to
/// <see cref="Learner.Fit(int, AdaptiveSched, string, IReadOnlyDictionary{HyperParameter, Sched}?, double?, IEnumerable{Callback}?, string?, CancellationToken)"/>.
/// </para>
/// <para>Thread-safety: one instance per fit at a time.</para>
/// </remarks>
public sealed class ReduceLrOnPlateau : Callback
{
    private readonly PlateauRule _rule;
    private RuleState[] _states = [];

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
    /// <exception cref="SchedArgumentException">An argument out of range (the plateau declaration's rules); the message names it and the range.</exception>
    public ReduceLrOnPlateau(string monitor = "valid_loss", PlateauMode mode = PlateauMode.Min, double factor = 0.1, int patience = 10,
        double threshold = 1e-4, ThresholdMode thresholdMode = ThresholdMode.Relative, int cooldown = 0, double minLr = 0, double eps = 1e-8)
    {
        ArgumentException.ThrowIfNullOrEmpty(monitor);
        var plateau = (RuleSched)AdaptiveSched.Plateau(Sched.Const(1), factor, patience, threshold, thresholdMode, cooldown, minLr, eps, mode);
        _rule = (PlateauRule)plateau.Rule;
        Monitor = monitor;
    }

    /// <summary>The monitored column.</summary>
    public string Monitor { get; }

    /// <summary>Whether the monitored value should fall or rise.</summary>
    public PlateauMode Mode => _rule.Mode;

    /// <summary>The learning-rate multiplier per reduction.</summary>
    public double Factor => _rule.Factor;

    /// <summary>Bad epochs tolerated.</summary>
    public int Patience => _rule.Patience;

    /// <summary>The improvement that counts.</summary>
    public double Threshold => _rule.Threshold;

    /// <summary>Relative or absolute threshold.</summary>
    public ThresholdMode ThresholdMode => _rule.ThresholdMode;

    /// <summary>Epochs to wait after a reduction.</summary>
    public int Cooldown => _rule.Cooldown;

    /// <summary>The lower bound on a reduced learning rate.</summary>
    public double MinLr => _rule.MinLr;

    /// <summary>The smallest change applied.</summary>
    public double Eps => _rule.Eps;

    /// <summary>The epochs (from 0) after which the learning rate was reduced, in this fit.</summary>
    public IList<int> Reductions { get; } = [];

    /// <inheritdoc/>
    public override int Order => 20;

    /// <inheritdoc/>
    public override void BeforeFit(FitContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        // Each layer group folds from its current scale (a checkpoint may have restored one).
        var applier = context.Runner.Applier as HyperApplier;
        _states = [.. Enumerable.Range(0, applier?.GroupCount ?? 0).Select(g => _rule.Initial with { Scale = applier!.LrScale(g) })];
        Reductions.Clear();
    }

    /// <inheritdoc/>
    public override void AfterEpoch(FitContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        var applier = context.Runner.Applier as HyperApplier
            ?? throw new InvalidOperationException("ReduceLrOnPlateau scales the Learner's learning-rate schedule; this fit's runner has another applier");
        var row = context.LastEpoch ?? throw new InvalidOperationException("no epoch results to monitor");
        var metric = row.Column(Monitor, context.Recorder.MetricNames);
        var reduced = false;
        for (var g = 0; g < _states.Length; g++)
        {
            var before = _states[g];
            _states[g] = _rule.Step(before, metric, applier.Values[HyperParameter.LearningRate, g], out var reduction);
            reduced |= reduction;
            if (_states[g].Scale != before.Scale)
            {
                applier.ScaleLr(g, _states[g].Scale);
            }
        }
        if (reduced)
        {
            Reductions.Add(context.Epoch);
        }
    }
}
