using System.Diagnostics.Metrics;

namespace SchedDsl.Torch;

/// <summary>
/// The process's <see cref="SchedDslMeter.Name"/> meter and its instruments, created once; the gauges read the fits
/// now running (<see cref="FitObserver"/>s, registered for the length of their fit).
/// </summary>
/// <remarks>
/// A static meter, as the BCL's own libraries keep (<c>System.Net.Http</c>): a fit has no host to be handed an
/// <c>IMeterFactory</c> by. Thread-safety: registration is locked; the gauges run on the collector's thread and read
/// the observers' published copies, never the optimizer or the fit's live <see cref="HyperValues"/>.
/// </remarks>
internal static class TrainingMeter
{
    private static readonly Lock s_gate = new();
    private static FitObserver[] s_running = [];
    private static long s_skippedUpdates;

    private static readonly Meter s_meter = new(SchedDslMeter.Name, typeof(TrainingMeter).Assembly.GetName().Version?.ToString());

    public static readonly Counter<long> Batches = s_meter.CreateCounter<long>(SchedDslMeter.Batches, "{batch}", "Training batches completed");

    public static readonly Counter<long> Samples = s_meter.CreateCounter<long>(SchedDslMeter.Samples, "{sample}", "Training samples completed");

    public static readonly ObservableGauge<double> LearningRate = s_meter.CreateObservableGauge(
        SchedDslMeter.LearningRate, () => Observe(static (o, into) => o.ObserveLearningRates(into)), null, "The learning rate applied to each layer group");

    public static readonly ObservableGauge<double> Momentum = s_meter.CreateObservableGauge(
        SchedDslMeter.Momentum, () => Observe(static (o, into) => o.ObserveMomentums(into)), null, "The momentum applied to each layer group");

    public static readonly ObservableGauge<double> Loss = s_meter.CreateObservableGauge(
        SchedDslMeter.Loss, () => Observe(static (o, into) => o.ObserveLoss(into)), null, "The smoothed training loss");

    public static readonly ObservableGauge<double> BatchRate = s_meter.CreateObservableGauge(
        SchedDslMeter.BatchRate, () => Observe(static (o, into) => o.ObserveBatchRate(into)), "{batch}/s", "Training batches per second in the current epoch");

    public static readonly ObservableGauge<double> SampleRate = s_meter.CreateObservableGauge(
        SchedDslMeter.SampleRate, () => Observe(static (o, into) => o.ObserveSampleRate(into)), "{sample}/s", "Training samples per second in the current epoch");

    public static readonly ObservableCounter<long> SkippedUpdates = s_meter.CreateObservableCounter(
        SchedDslMeter.SkippedUpdates, () => Volatile.Read(ref s_skippedUpdates), "{update}", "Optimizer updates the training loop skipped");

    /// <summary>True when a listener has enabled any instrument a batch feeds: the one check a batch makes when nobody listens.</summary>
    public static bool Observed =>
        Batches.Enabled || Samples.Enabled || LearningRate.Enabled || Momentum.Enabled || Loss.Enabled || BatchRate.Enabled || SampleRate.Enabled;

    /// <summary>Counts an optimizer update the loop skipped (<see cref="Learner.SkipNonFiniteUpdates"/>).</summary>
    public static void SkipUpdate() => Interlocked.Increment(ref s_skippedUpdates);

    public static void Register(FitObserver observer)
    {
        lock (s_gate)
        {
            s_running = [.. s_running, observer];
        }
    }

    public static void Unregister(FitObserver observer)
    {
        lock (s_gate)
        {
            s_running = [.. s_running.Where(o => o != observer)];
        }
    }

    private static List<Measurement<double>> Observe(Action<FitObserver, List<Measurement<double>>> read)
    {
        var measurements = new List<Measurement<double>>();
        foreach (var observer in Volatile.Read(ref s_running))
        {
            read(observer, measurements);
        }
        return measurements;
    }
}
