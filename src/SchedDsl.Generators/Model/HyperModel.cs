namespace SchedDsl.Generators.Model;

/// <summary>One hyper-parameter of a scheduler.</summary>
/// <param name="PropertyName">The C# property holding its schedule (<c>LearningRate</c>).</param>
/// <param name="TextName">Its name in the text form (<c>lr</c>).</param>
/// <param name="IsRequired">True when the property is a non-nullable <c>Sched</c>: validation rejects null and the value is a <c>double</c>.</param>
/// <param name="IsDeclared">True when the user declared the property; false when the generator emits it.</param>
/// <param name="TargetMember">The options field or property written by the applier, or null for a declared scheduler.</param>
internal sealed record HyperModel(string PropertyName, string TextName, bool IsRequired, bool IsDeclared, string? TargetMember);
