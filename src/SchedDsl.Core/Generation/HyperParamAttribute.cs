namespace SchedDsl.Generation;

/// <summary>
/// Marks a property of a <see cref="HyperSchedulerAttribute"/> type as a hyper-parameter and, optionally, gives its
/// name in the text form (fastai's name, e.g. <c>sqr_mom</c>).
/// </summary>
/// <remarks>
/// Properties of type <see cref="Sched"/> are hyper-parameters without this attribute; put it on one to rename it,
/// or to have the compiler reject a property of another type (SDSL002). Thread-safety: read by the compiler only.
/// </remarks>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field, AllowMultiple = false, Inherited = false)]
public sealed class HyperParamAttribute : Attribute
{
    /// <summary>The name in the text form; <see langword="null"/> means the snake_case of the property name.</summary>
    public string? Name { get; set; }
}
