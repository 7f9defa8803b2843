using SchedDsl.Generation;
using static TorchSharp.torch.optim;

namespace SchedDsl.Torch;

/// <summary>
/// Puts the scheduled hyper-parameters of a step into the optimizer before that step's batch trains, at fastai's
/// positions (step <c>i</c> of <c>n</c> at <c>i/n</c>), and records what it applied. The one runner: the dictionary
/// form (<see cref="HyperApplier"/>) and a generated scheduler (<c>[OptimizerScheduler]</c>) are two appliers behind
/// it.
/// </summary>
/// <remarks>
/// <para>The loop owns the clock: the runner holds no step counter. Call <see cref="Apply"/> with the step about to
/// train, before its forward pass (fastai's <c>before_batch</c>):</para>
/// <code>
/// var runner = new ScheduleRunner(optimizer, epochs * batches, ScheduleRunner.OneCycle(1e-2));
/// for (var step = 0; ...; step++) { runner.Apply(step); ...; optimizer.step(); }
/// </code>
/// <para>Resuming is calling <see cref="Apply"/> with the saved step: values are a pure function of the step.
/// <c>Apply(TotalSteps)</c> writes the values at <c>pos = 1</c>, PyTorch's state after its last <c>scheduler.step()</c>.</para>
/// <para>Recording (on by default) writes into storage sized once from the total, so no step allocates; a
/// hyper-parameter with one value for every group is stored once.</para>
/// <para>Thread-safety: not thread-safe; use it from the training loop's thread.</para>
/// </remarks>
public sealed class ScheduleRunner
{
    private readonly HyperApplier? _hyperApplier;
    // Where steps are applied: this runner's own History (recorded at once), the Learner's history (recorded by the
    // loop after the batch), or none.
    private readonly HyperHistory? _frames;

    /// <summary>Creates a runner over every param group of <paramref name="optimizer"/>. Nothing is applied until <see cref="Apply"/>.</summary>
    /// <param name="optimizer">A TorchSharp optimizer with param groups (every managed optimizer in TorchSharp 0.107).</param>
    /// <param name="totalSteps">The number of batches the schedules span (fastai: <c>n_epoch * len(dls.train)</c>); &gt;= 1.</param>
    /// <param name="schedules">One schedule per hyper-parameter; per-group schedules must match the param-group count.</param>
    /// <param name="record">False to keep no <see cref="History"/>.</param>
    /// <remarks>A schedule for a hyper-parameter the optimizer cannot take (momentum on an SGD or RMSprop created without it, <c>sqr_mom</c> on SGD) is recorded and not written, as fastai does; <see cref="HyperApplier.NotApplied"/> names it.</remarks>
    /// <exception cref="ArgumentException">A per-group schedule whose count differs from the optimizer's param groups.</exception>
    public ScheduleRunner(Optimizer optimizer, int totalSteps, IReadOnlyDictionary<HyperParameter, Sched> schedules, bool record = true)
        : this(new HyperApplier(optimizer, schedules), totalSteps, record)
    {
    }

    /// <summary>Creates a runner over any applier, e.g. a generated scheduler's <c>Bind(optimizer)</c>.</summary>
    /// <param name="applier">Writes the values at a position.</param>
    /// <param name="totalSteps">The number of batches the schedules span; &gt;= 1.</param>
    /// <param name="record">False to keep no history; only a <see cref="HyperApplier"/> reports values to record.</param>
    public ScheduleRunner(IScheduleApplier applier, int totalSteps, bool record = true)
        : this(applier, totalSteps, record, frames: null)
    {
    }

    /// <summary>
    /// The Learner's runner: it applies each step straight into <paramref name="frames"/>, which the loop records
    /// after the batch (<see cref="HyperHistory.Record"/> then counts the step without copying it).
    /// </summary>
    internal ScheduleRunner(HyperApplier applier, int totalSteps, HyperHistory frames)
        : this(applier, totalSteps, record: false, frames)
    {
    }

    private ScheduleRunner(IScheduleApplier applier, int totalSteps, bool record, HyperHistory? frames)
    {
        ArgumentNullException.ThrowIfNull(applier);
        if (totalSteps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(totalSteps), totalSteps, $"totalSteps must be >= 1, got {totalSteps}");
        }
        Applier = applier;
        TotalSteps = totalSteps;
        _hyperApplier = applier as HyperApplier;
        if (_hyperApplier is not null && record)
        {
            History = new HyperHistory(_hyperApplier, checked(totalSteps + 1));
        }
        _frames = frames ?? History;
    }

    /// <summary>The applier that writes the values.</summary>
    public IScheduleApplier Applier { get; }

    /// <summary>The number of batches the schedules span.</summary>
    public int TotalSteps { get; }

    /// <summary>The values applied last, per hyper-parameter and layer group; null for an applier that does not report them (a generated one).</summary>
    public HyperValues? Values => _hyperApplier?.Values;

    /// <summary>Every value applied, per step; null when recording is off or the applier does not report values.</summary>
    public HyperHistory? History { get; }

    /// <summary>The position of step <paramref name="step"/>: <c>step / TotalSteps</c>.</summary>
    public double PositionOf(int step) => (double)step / TotalSteps;

    /// <summary>Applies (and records) the values of step <paramref name="step"/>, the batch about to train.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="step"/> outside [0, <see cref="TotalSteps"/>].</exception>
    public void Apply(int step)
    {
        if ((uint)step > (uint)TotalSteps)
        {
            throw new ArgumentOutOfRangeException(nameof(step), step, $"step must be in [0, {TotalSteps}], got {step}");
        }
        // The Learner's applier called as the sealed type it is: no interface dispatch per batch. The step checked
        // here is the position checked: the applier does not check it again. Recording, it evaluates straight into
        // the history's frame for the step.
        if (_hyperApplier is not { } hyperApplier)
        {
            Applier.Apply(PositionOf(step));
        }
        else if (_frames?.FrameOf(step) is { } start)
        {
            hyperApplier.Apply(PositionOf(step), _frames.Frames, start);
            History?.Record(step);
        }
        else
        {
            hyperApplier.Apply(PositionOf(step));
        }
    }

    /// <summary>
    /// The Learner's apply: the values of step <paramref name="step"/> (a batch index the caller checked against
    /// <see cref="TotalSteps"/>) evaluated at <paramref name="pos"/>, the fit's clock position, into that step's frame.
    /// </summary>
    internal void ApplyAt(int step, double pos)
    {
        var hyperApplier = _hyperApplier!;
        if (_frames?.FrameOf(step) is { } start)
        {
            hyperApplier.Apply(pos, _frames.Frames, start);
            History?.Record(step);
        }
        else
        {
            hyperApplier.Apply(pos);
        }
    }

    /// <summary>
    /// The fastai one-cycle schedules: <c>lr</c> and <c>mom</c> (see <see cref="Sched.OneCycle"/>). On an optimizer
    /// without momentum the <c>mom</c> schedule is recorded and not written (<see cref="HyperApplier.NotApplied"/>).
    /// </summary>
    public static IReadOnlyDictionary<HyperParameter, Sched> OneCycle(
        Hyper lrMax, double div = FastaiPresets.OneCycleDiv, double divFinal = FastaiPresets.OneCycleDivFinal, double pctStart = FastaiPresets.OneCyclePctStart) =>
        new Dictionary<HyperParameter, Sched>
        {
            [HyperParameter.LearningRate] = Sched.OneCycle(lrMax, div, divFinal, pctStart),
            [HyperParameter.Momentum] = Sched.OneCycleMomentum(pctStart: pctStart),
        };
}
