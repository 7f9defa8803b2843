namespace SchedDsl.Torch;

/// <summary>
/// fastai's <c>ParamScheduler</c>: schedules hyper-parameters over a fit, one value per batch at <c>i/total</c>,
/// through a <see cref="ScheduleRunner"/> over the learner's param groups; the applied values go to the recorder.
/// </summary>
/// <param name="schedules">One schedule per hyper-parameter; a per-group schedule must have one value per layer group.</param>
/// <param name="totalSteps">The steps the schedules span; null for the whole fit (<see cref="FitContext.TotalIterations"/>). The LR finder passes <c>num_it</c>.</param>
public sealed class ParamScheduler(IReadOnlyDictionary<HyperParameter, Sched> schedules, int? totalSteps = null) : Callback
{
    /// <summary>The schedules.</summary>
    public IReadOnlyDictionary<HyperParameter, Sched> Schedules { get; } = schedules ?? throw new ArgumentNullException(nameof(schedules));

    /// <inheritdoc/>
    public override int Order => 10;

    /// <inheritdoc/>
    public override void BeforeFit(FitContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Runner is not null)
        {
            throw new InvalidOperationException("a fit takes one ParamScheduler; merge the schedules into one dictionary");
        }
        var runner = new ScheduleRunner(context.Optimizer, totalSteps ?? context.TotalIterations, Schedules, context.Layout, 0);
        context.Runner = runner;
        context.Recorder.Hypers = runner.History;
    }

    /// <inheritdoc/>
    public override void AfterBatch(FitContext context)
    {
        ArgumentNullException.ThrowIfNull(context);
        if (context.Runner is { IsFinished: false } runner)
        {
            runner.Step();
        }
    }
}
