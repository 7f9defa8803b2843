using static TorchSharp.torch.optim;
using static TorchSharp.torch.optim.lr_scheduler;

namespace SchedDsl.Torch;

/// <summary>
/// A TorchSharp <see cref="LRScheduler"/> driven by a <see cref="Sched"/>: drop any schedule into a loop written
/// against <c>torch.optim.lr_scheduler</c> (<c>optimizer.step(); scheduler.step();</c>).
/// </summary>
/// <remarks>
/// <para>
/// PyTorch's convention: the constructor applies step 0, and each <c>step()</c> advances one step, so after step
/// <c>k</c> every param group's learning rate is <c>lr.At(k / totalSteps)</c>; after <c>totalSteps</c> calls it is
/// <c>lr.At(1)</c>. A step past <c>totalSteps</c> throws <see cref="InvalidOperationException"/> and changes nothing,
/// as PyTorch's <c>OneCycleLR</c> does: a silently clamped schedule would hide a wrong <c>totalSteps</c>.
/// <c>step(k)</c> (TorchSharp's closed form) jumps to step <c>k</c>: that is the whole resume, since the schedule is a
/// pure function of the step.
/// </para>
/// <para>
/// A per-group schedule (<see cref="Hyper.Of"/>, <see cref="Hyper.Slice(double, double)"/>) is resolved for the
/// optimizer's param groups here, first group first; a scalar one gives every group the same value. The values are absolute learning rates, not factors of the groups' initial rates.
/// </para>
/// <para>
/// Each step costs what TorchSharp's own schedulers cost (its base class lists the param groups again every step).
/// For a training loop of your own, <see cref="ScheduleRunner"/> writes every hyper-parameter, not only the lr, with
/// no per-step allocation. Not thread-safe: step it from the training loop only.
/// </para>
/// </remarks>
public sealed class SchedLrScheduler : LRScheduler
{
    private readonly SchedGroups _groups;
    private readonly double[] _lrs;

    /// <summary>Creates the scheduler and applies step 0 (<c>lr.At(0)</c>) to every param group of <paramref name="optimizer"/>.</summary>
    /// <param name="optimizer">The optimizer whose param groups' learning rates this scheduler writes.</param>
    /// <param name="lr">The learning-rate schedule, scalar or per group.</param>
    /// <param name="totalSteps">The number of <c>step()</c> calls that take the schedule from <c>At(0)</c> to <c>At(1)</c>.</param>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="totalSteps"/> &lt; 1.</exception>
    /// <exception cref="ArgumentException">A per-group schedule whose group count differs from the optimizer's.</exception>
    public SchedLrScheduler(Optimizer optimizer, Sched lr, int totalSteps)
        : base(optimizer ?? throw new ArgumentNullException(nameof(optimizer)))
    {
        ArgumentNullException.ThrowIfNull(lr);
        if (totalSteps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(totalSteps), totalSteps, $"totalSteps must be >= 1, got {totalSteps}");
        }
        // SchedGroups resolves a scalar schedule to one copy per group and finds the segment once per step either way.
        _groups = lr.ForGroups(optimizer.ParamGroups.Count());
        _lrs = new double[_groups.Count];
        Schedule = lr;
        TotalSteps = totalSteps;
        step();
    }

    /// <summary>The learning-rate schedule.</summary>
    public Sched Schedule { get; }

    /// <summary>The number of steps from <c>At(0)</c> to <c>At(1)</c>.</summary>
    public int TotalSteps { get; }

    /// <summary>The step whose values are applied now (PyTorch's <c>last_epoch</c>): 0 after construction.</summary>
    public int StepIndex { get; private set; } = -1;

    /// <summary>Applies step <paramref name="epoch"/>, or the next step when null.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="epoch"/> is negative.</exception>
    /// <exception cref="InvalidOperationException">The step would pass <see cref="TotalSteps"/>; nothing is changed.</exception>
    public override void step(int? epoch)
    {
        var next = epoch ?? StepIndex + 1;
        if (next < 0)
        {
            throw new ArgumentOutOfRangeException(nameof(epoch), epoch, $"the step must be >= 0, got {epoch}");
        }
        if (next > TotalSteps)
        {
            throw new InvalidOperationException(
                $"step {next} is past the schedule's end: it was created for {TotalSteps} steps and reached At(1) at step {TotalSteps}; create it with the loop's real number of steps");
        }
        _groups.At(Positions.At(next, TotalSteps), _lrs);
        StepIndex = next;
        base.step(epoch);
    }

    /// <inheritdoc/>
    protected override IEnumerable<double> get_lr() => _lrs;

    /// <inheritdoc/>
    protected override IEnumerable<double> get_closed_form_lr() => _lrs;
}
