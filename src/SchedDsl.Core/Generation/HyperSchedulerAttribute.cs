namespace SchedDsl.Generation;

/// <summary>
/// Marks a partial class or record whose <see cref="Sched"/> properties are hyper-parameters: the SchedDsl source
/// generator adds a typed evaluation (<c>At(pos)</c> into a <c>Values</c> struct), validation and the text form.
/// </summary>
/// <remarks>
/// <para>
/// Every instance property of type <see cref="Sched"/> (or <c>Sched?</c>) declared on the type is a hyper-parameter;
/// its text name is the snake_case of the property name unless <see cref="HyperParamAttribute"/> says otherwise.
/// See docs/generator.md for the generated members and the diagnostics (SDSL001…).
/// </para>
/// <para>Thread-safety: an attribute; read by the compiler only.</para>
/// </remarks>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false, Inherited = false)]
public sealed class HyperSchedulerAttribute : Attribute
{
    /// <summary>
    /// The number of parameter groups the schedules are written for, or 0 (the default) when any count is allowed.
    /// A per-group list in compile-time schedule text whose length differs is a compiler error (SDSL005).
    /// </summary>
    public int Groups { get; set; }
}
