namespace SchedDsl.Generation;

/// <summary>Writes scheduled hyper-parameter values into an optimizer's parameter groups, once per batch.</summary>
/// <remarks>
/// Obtained from <see cref="IOptimizerScheduler{TOptimizer}.Bind"/>; holds the groups it was bound to. Not
/// thread-safe: it mutates the optimizer, which a training loop owns.
/// </remarks>
public interface IScheduleApplier
{
    /// <summary>The number of parameter groups bound.</summary>
    int GroupCount { get; }

    /// <summary>Writes every scheduled hyper-parameter's value at <paramref name="pos"/> into every group; allocates nothing.</summary>
    /// <exception cref="ArgumentOutOfRangeException"><paramref name="pos"/> is outside [0, 1] or NaN.</exception>
    void Apply(double pos);
}
