namespace SchedDsl.Generation;

/// <summary>
/// A hyper-parameter scheduler for one optimizer type, generated from <see cref="OptimizerSchedulerAttribute"/>.
/// </summary>
/// <remarks>
/// A training loop binds once, before the first batch, and applies each batch:
/// <code>
/// var applier = scheduler.Bind(optimizer);   // caches the param groups, resolves per-group values
/// for (var i = 0; i &lt; steps; i++) { applier.Apply(Positions.At(i, steps)); /* forward, backward, step */ }
/// </code>
/// Thread-safety: the scheduler is immutable; see <see cref="IScheduleApplier"/> for the applier.
/// </remarks>
/// <typeparam name="TOptimizer">The optimizer type named in the attribute.</typeparam>
public interface IOptimizerScheduler<in TOptimizer> : IHyperScheduler
    where TOptimizer : class
{
    /// <summary>
    /// Validates against the optimizer's group count, caches its parameter groups' options and resolves per-group
    /// values, so that <see cref="IScheduleApplier.Apply"/> allocates nothing.
    /// </summary>
    /// <exception cref="ArgumentException">A schedule does not fit the optimizer's group count.</exception>
    IScheduleApplier Bind(TOptimizer optimizer);
}
