namespace SchedDsl.Torch;

/// <summary>
/// Folds the monitored metric into an adaptive learning-rate schedule's state at its declared points: each epoch's
/// end (<see cref="AdaptiveSched.Every"/> 0) or every N units of the fit's clock. The imperative edge of a pure fold:
/// the state lives in the fit's <see cref="AdaptiveCell"/>, which the checkpoint saves and restores.
/// </summary>
internal sealed class AdaptiveFold(AdaptiveCell cell, string monitor) : Callback
{
    // The last multiple of Every the clock had passed when a metric was last observed; derived from the progress at
    // the start of the fit (a resumed fit's included), so it needs no place in the checkpoint.
    private long _observedUnits;

    public override int Order => 20;

    public override void BeforeFit(FitContext context) =>
        _observedUnits = cell.Sched.Every == 0 ? 0 : context.FitClock.Done(context.Progress) / cell.Sched.Every;

    public override void AfterBatch(FitContext context)
    {
        var every = cell.Sched.Every;
        if (every == 0)
        {
            return;
        }
        var units = context.FitClock.Done(context.Progress) / every;
        if (units > _observedUnits)
        {
            _observedUnits = units;
            cell.Observe(context.FitClock.PositionOf(context.Progress), context.SmoothLoss);
        }
    }

    public override void AfterEpoch(FitContext context)
    {
        if (cell.Sched.Every != 0)
        {
            return;
        }
        var row = context.LastEpoch ?? throw new InvalidOperationException("no epoch results to monitor");
        // Observed where the next batch starts: the value from here on is the one the metric decided.
        cell.Observe(context.FitClock.PositionOf(context.Progress), row.Column(monitor, context.Recorder.MetricNames));
    }
}
