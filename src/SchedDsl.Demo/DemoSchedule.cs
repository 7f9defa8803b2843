using SchedDsl.Torch;

namespace SchedDsl.Demo;

/// <summary>
/// <c>--schedule TEXT</c>: the learning-rate schedule that replaces the one-cycle fit's, in any text form, planned or
/// metric-driven. Everything else of the fit stays: its momentum schedule, epochs, callbacks, checkpoints.
/// </summary>
internal sealed record DemoSchedule(string Text, Sched? Planned, AdaptiveSched? Adaptive)
{
    /// <summary>Parses <paramref name="text"/> as the kind it is written as; a bad text is a one-line <see cref="DemoError"/>.</summary>
    public static DemoSchedule Parse(string text)
    {
        try
        {
            return AdaptiveSched.IsAdaptiveText(text)
                ? new DemoSchedule(text, null, AdaptiveSched.Parse(text))
                : new DemoSchedule(text, Sched.Parse(text), null);
        }
        catch (SchedParseException error)
        {
            throw new DemoError($"--schedule: {error.Message}");
        }
    }

    /// <summary>Runs the fit with this learning rate and the one-cycle fit's momentum.</summary>
    public Recorder Fit(Learner learn, int epochs, IEnumerable<Callback> callbacks, string? resumeFrom, CancellationToken cancellation)
    {
        var momentum = new Dictionary<HyperParameter, Sched> { [HyperParameter.Momentum] = Sched.OneCycleMomentum() };
        if (Adaptive is { } adaptive)
        {
            // A schedule observing mid-epoch reads the train loss, the only one known there; epoch ends read the valid loss.
            var monitor = adaptive.Every > 0 ? EpochColumns.TrainLoss : EpochColumns.ValidLoss;
            return learn.Fit(epochs, adaptive, monitor, momentum, callbacks: callbacks, resumeFrom: resumeFrom, cancellation: cancellation);
        }
        momentum[HyperParameter.LearningRate] = Planned!;
        return learn.Fit(epochs, momentum, callbacks: callbacks, resumeFrom: resumeFrom, cancellation: cancellation);
    }
}
