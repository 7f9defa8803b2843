namespace SchedDsl.Torch;

/// <summary>
/// The names of the <c>System.Diagnostics.Metrics</c> meter that every <see cref="Learner"/> fit publishes to, and of
/// its instruments: the one place they are written. Watch a running fit with
/// <c>dotnet-counters monitor --counters SchedDsl -n MyApp</c>, or export it with OpenTelemetry's
/// <c>AddMeter(SchedDslMeter.Name)</c> (docs/observability.md).
/// </summary>
/// <remarks>
/// <para>The meter is created once per process and publishes only while a fit (or <see cref="Learner.LrFind"/>) runs.
/// Nothing is measured while no listener has enabled an instrument: the training loop then allocates nothing more per
/// batch than without the meter.</para>
/// <para>Gauges (<see cref="LearningRate"/>, <see cref="Momentum"/>, <see cref="Loss"/>, <see cref="BatchRate"/>,
/// <see cref="SampleRate"/>) are observed: the values are read when a listener collects, from a copy the loop keeps
/// after each batch while a listener is enabled. Counters (<see cref="Batches"/>, <see cref="Samples"/>) count from
/// the moment a listener is enabled; a tool shows their rate.</para>
/// <para>With several fits running at once in one process, each gauge reports one value per fit and layer group, with
/// the same tags. Thread-safety: constants only.</para>
/// </remarks>
public static class SchedDslMeter
{
    /// <summary>The meter's name, <c>SchedDsl</c>: what <c>dotnet-counters --counters</c> and OpenTelemetry's <c>AddMeter</c> take.</summary>
    public const string Name = "SchedDsl";

    /// <summary>Gauge: the learning rate applied to each layer group for the current batch, after any <see cref="HyperApplier.ScaleLr"/>; tagged with <see cref="LayerGroupTag"/>.</summary>
    public const string LearningRate = "scheddsl.train.learning_rate";

    /// <summary>Gauge: the momentum applied to each layer group (Adam's <c>beta1</c>), when the fit schedules it (<see cref="Learner.FitOneCycle"/>, <see cref="Learner.FineTune"/>); tagged with <see cref="LayerGroupTag"/>.</summary>
    public const string Momentum = "scheddsl.train.momentum";

    /// <summary>Gauge: fastai's smoothed training loss after the last batch (the <c>train_loss</c> column as it runs).</summary>
    public const string Loss = "scheddsl.train.loss";

    /// <summary>Counter, unit <c>{batch}</c>: training batches completed (optimizer steps taken).</summary>
    public const string Batches = "scheddsl.train.batches";

    /// <summary>Counter, unit <c>{sample}</c>: training samples completed (the first dimension of each batch's input).</summary>
    public const string Samples = "scheddsl.train.samples";

    /// <summary>Gauge, unit <c>{batch}/s</c>: training batches per second over the current epoch so far, data loading included and validation not.</summary>
    public const string BatchRate = "scheddsl.train.batch_rate";

    /// <summary>Gauge, unit <c>{sample}/s</c>: training samples per second over the current epoch so far, as <see cref="BatchRate"/>.</summary>
    public const string SampleRate = "scheddsl.train.sample_rate";

    /// <summary>
    /// Observable counter, unit <c>{update}</c>: optimizer updates the training loop skipped in this process because
    /// their gradients were not finite (<see cref="Learner.SkipNonFiniteUpdates"/>). Published whenever a listener
    /// collects.
    /// </summary>
    public const string SkippedUpdates = "scheddsl.train.skipped_updates";

    /// <summary>The tag on <see cref="LearningRate"/> and <see cref="Momentum"/>: the layer group, an <see cref="int"/> from 0.</summary>
    public const string LayerGroupTag = "scheddsl.layer_group";
}
