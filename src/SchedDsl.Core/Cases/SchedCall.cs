using SchedDsl.Text;

namespace SchedDsl;

/// <summary>What a schedule prints and serializes as: a declared function and its arguments in parameter order.</summary>
/// <param name="Function">The declaration.</param>
/// <param name="Arguments">
/// One per parameter: a <see cref="Hyper"/>, a <c>double</c>, an <c>int</c>, a <c>ValueArray&lt;double&gt;</c>, a
/// <c>ValueArray&lt;Sched&gt;</c> or a <see cref="Sched"/>, as the parameter's kind says.
/// </param>
internal readonly record struct SchedCall(FunctionSpec Function, object[] Arguments);
