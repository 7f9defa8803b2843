using SchedDsl.Generation;
using static TorchSharp.torch.optim;

namespace SchedDsl.Torch;

/// <summary>
/// Drives a generated, optimizer-aware scheduler (<c>[OptimizerScheduler(typeof(SGD))]</c>, see docs/generator.md)
/// over a training loop: it binds to the optimizer's param groups once and writes every scheduled value each batch
/// at fastai's positions (batch <c>i</c> of <c>n</c> at <c>i/n</c>), through generated property access — no strings,
/// no reflection, no allocation per step.
/// </summary>
/// <remarks>
/// <para>Two lines in a hand-written loop, as with <see cref="ScheduleRunner"/>:</para>
/// <code>
/// var runner = new TypedScheduleRunner&lt;SGD&gt;(sgd, new SgdSchedule { Lr = Sched.OneCycle(0.1) }, totalSteps);
/// foreach (...) { ...; sgd.step(); runner.Step(); }
/// </code>
/// <para>Per-group values address the optimizer's param groups. Resuming: pass the saved <see cref="StepIndex"/> as
/// <c>startStep</c>. It does not record history; use <see cref="ScheduleRunner"/> when you need the recorder.</para>
/// <para>Thread-safety: not thread-safe; use it from the training loop's thread.</para>
/// </remarks>
/// <typeparam name="TOptimizer">The TorchSharp optimizer the scheduler was generated for.</typeparam>
public sealed class TypedScheduleRunner<TOptimizer>
    where TOptimizer : Optimizer
{
    private readonly IScheduleApplier applier;

    /// <summary>Binds <paramref name="scheduler"/> to <paramref name="optimizer"/> and applies step <paramref name="startStep"/>.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="totalSteps"/> &lt; 1 or <paramref name="startStep"/> outside [0, totalSteps].</exception>
    /// <exception cref="ArgumentException">A per-group value whose count differs from the optimizer's param groups.</exception>
    public TypedScheduleRunner(TOptimizer optimizer, IOptimizerScheduler<TOptimizer> scheduler, int totalSteps, int startStep = 0)
    {
        ArgumentNullException.ThrowIfNull(optimizer);
        ArgumentNullException.ThrowIfNull(scheduler);
        if (totalSteps < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(totalSteps), totalSteps, $"totalSteps must be >= 1, got {totalSteps}");
        }
        if (startStep < 0 || startStep > totalSteps)
        {
            throw new ArgumentOutOfRangeException(nameof(startStep), startStep, $"startStep must be in [0, {totalSteps}], got {startStep}");
        }
        applier = scheduler.Bind(optimizer);
        TotalSteps = totalSteps;
        StepIndex = startStep;
        ApplyCurrent();
    }

    /// <summary>The number of batches the schedules span.</summary>
    public int TotalSteps { get; }

    /// <summary>The index of the batch whose values are applied now; <see cref="TotalSteps"/> once finished.</summary>
    public int StepIndex { get; private set; }

    /// <summary>True once every step was applied.</summary>
    public bool IsFinished => StepIndex >= TotalSteps;

    /// <summary>Advances to the next batch and applies its values (nothing is applied at <c>pos = 1</c>, as in fastai).</summary>
    /// <exception cref="InvalidOperationException">Every step was already taken.</exception>
    public void Step()
    {
        if (IsFinished)
        {
            throw new InvalidOperationException($"the runner already took all {TotalSteps} steps");
        }
        StepIndex++;
        ApplyCurrent();
    }

    private void ApplyCurrent()
    {
        if (!IsFinished)
        {
            applier.Apply((double)StepIndex / TotalSteps);
        }
    }
}
