using System.Reflection;
using SchedDsl.Text;
using SchedDsl.Validation;

namespace SchedDsl.Parsing;

/// <summary>
/// The public factory of each declaration (<c>Sched.OneCycle</c> for <c>one_cycle</c>), found once by name and
/// parameter names: the text form, JSON and the generator's emitted code all build through the same C# API.
/// </summary>
internal static class Factories
{
    // MethodInvoker: no argument-array copy or exception wrapping, several times faster than MethodInfo.Invoke.
    private static readonly Dictionary<FunctionSpec, MethodInvoker> Invokers =
        FunctionTable.Declarations.ToDictionary(d => d, d => MethodInvoker.Create(Find(d)));

    public static Sched Invoke(FunctionSpec function, object?[] arguments) => Invoke(function, arguments.AsSpan());

    /// <summary>Calls <paramref name="function"/>'s factory with <paramref name="arguments"/> (parameter order); the span is not kept.</summary>
    public static Sched Invoke(FunctionSpec function, Span<object?> arguments) => (Sched)Invokers[function].Invoke(null, arguments)!;

    /// <summary>
    /// Calls <paramref name="function"/>'s factory with the arguments at <paramref name="start"/> (one per parameter),
    /// on which a reader has run every declared rule already, so the factory does not run them again (<see cref="Declared.AlreadyChecked"/>).
    /// </summary>
    public static Sched InvokeChecked(FunctionSpec function, object?[] arguments, int start) =>
        Declared.AlreadyChecked(
            static state => Invoke(state.function, state.arguments.AsSpan(state.start, state.function.Params.Count)), (function, arguments, start));

    /// <summary>The public static <c>Sched</c> method named by the declaration whose parameters match it name for name.</summary>
    internal static MethodInfo Find(FunctionSpec function)
    {
        foreach (var method in typeof(Sched).GetMethods(BindingFlags.Public | BindingFlags.Static))
        {
            if (method.Name == function.CSharpFactory
                && method.GetParameters().Select(p => p.Name).SequenceEqual(function.Params.Select(p => p.CSharpName)))
            {
                return method;
            }
        }
        throw new InvalidOperationException(
            $"the declaration {function} names Sched.{function.CSharpFactory}({string.Join(", ", function.Params.Select(p => p.CSharpName))}), which does not exist");
    }
}
