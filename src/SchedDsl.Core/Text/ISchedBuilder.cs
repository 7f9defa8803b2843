#nullable enable
#if NETSTANDARD2_0
using System.Collections.Generic;
#endif

namespace SchedDsl.Text;

/// <summary>
/// Turns checked schedule text into something: Core's builder makes <c>Sched</c> values, the source generator's
/// emits the C# that makes them. <see cref="SchedBinder.Build{T}"/> walks the bound tree bottom-up and calls these.
/// </summary>
/// <remarks>
/// Every argument is already checked (arity, names, kinds, ranges) when a method is called. A builder that still
/// finds a problem throws <see cref="TextErrorException"/> with the place (<see cref="BoundValue.Syntax"/>); the
/// binder returns it as the error. A table-driven builder needs nothing per function: <see cref="FunctionSpec.CSharpFactory"/>
/// and <see cref="ParamSpec.CSharpName"/> name the C# call, and <see cref="BoundCall.Arguments"/> holds one entry
/// per parameter (null where the default applies).
/// </remarks>
/// <typeparam name="T">What a schedule becomes.</typeparam>
internal interface ISchedBuilder<T>
{
    /// <summary>A bare number, list or slice: a constant schedule (<c>Sched.Const(value)</c>).</summary>
    T Constant(BoundHyper value);

    /// <summary>A call of <see cref="BoundCall.Function"/>.</summary>
    /// <param name="call">The checked call.</param>
    /// <param name="scheds">
    /// The built schedules of its <see cref="ParamKind.Scheds"/> argument (<c>combine</c>'s <c>scheds</c>), in order;
    /// empty when it has none.
    /// </param>
    T Call(BoundCall call, IReadOnlyList<T> scheds);
}
