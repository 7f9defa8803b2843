namespace SchedDsl.Generation;

/// <summary>
/// Marks a partial class or record as the scheduler of one optimizer type: the SchedDsl source generator reads the
/// optimizer's per-group options type from metadata and adds one <see cref="Sched"/> property per hyper-parameter it
/// has (<c>LearningRate</c>, <c>Momentum</c>, <c>SquaredMomentum</c>, <c>WeightDecay</c>, <c>Eps</c>, …), a typed evaluation and an applier that writes
/// the values into each parameter group with direct member access.
/// </summary>
/// <remarks>
/// <para>
/// The optimizer type is any class with a nested parameter-group type that exposes an <c>Options</c> property
/// (TorchSharp's <c>SGD</c>, <c>Adam</c>, <c>AdamW</c>, <c>RMSProp</c>, … or your own optimizer built the same way)
/// and a <c>ParamGroups</c> property enumerating the groups. Each public settable <see cref="double"/> or
/// <c>double?</c> field or property of the options type is a hyper-parameter. Scheduling a hyper-parameter the
/// optimizer does not have is a compiler error (SDSL003). See docs/generator.md.
/// </para>
/// <para>Thread-safety: an attribute; read by the compiler only.</para>
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class OptimizerSchedulerAttribute : Attribute
{
    /// <summary>Schedules the hyper-parameters of <paramref name="optimizerType"/>.</summary>
    /// <param name="optimizerType">The optimizer, e.g. <c>typeof(TorchSharp.Modules.AdamW)</c>.</param>
    public OptimizerSchedulerAttribute(Type optimizerType) => OptimizerType = optimizerType;

    /// <summary>The optimizer whose options are scheduled.</summary>
    public Type OptimizerType { get; }

    /// <summary>
    /// The number of parameter groups the schedules are written for, or 0 (the default) when any count is allowed.
    /// A per-group list in compile-time schedule text whose length differs is a compiler error (SDSL005).
    /// </summary>
    public int Groups { get; set; }
}
