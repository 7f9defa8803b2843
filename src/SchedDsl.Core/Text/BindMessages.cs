#nullable enable
#if NETSTANDARD2_0
using System.Collections.Generic;
using System.Linq;
#endif

namespace SchedDsl.Text;

/// <summary>
/// The binder's messages, written once: the text binder reports them at a place in the text, Core's JSON reader
/// (which checks the same declarations without building a syntax tree) at a JSON path.
/// </summary>
internal static class BindMessages
{
    /// <summary>
    /// How a problem names a number: <c>parameter[item]</c> for item <paramref name="item"/> of a list-of-numbers
    /// parameter, the parameter alone when <paramref name="item"/> is negative (a per-group list's items are the value).
    /// Made only when a problem is reported: a long list's numbers need no label each.
    /// </summary>
    public static string Item(string parameter, int item) => item < 0 ? parameter : $"{parameter}[{item}]";

    /// <summary>The parameter names of <paramref name="spec"/>, comma-separated.</summary>
    public static string Names(FunctionSpec spec) => string.Join(", ", spec.Params.Select(p => p.Name));

    /// <summary><c>unknown function 'x'; did you mean 'y'?</c>; <paramref name="known"/> is every name it could have been.</summary>
    public static string UnknownFunction(string name, IEnumerable<string> custom, out string known)
    {
        var names = FunctionTable.All.Keys.Concat(custom).Concat(Binder.SliceNames).OrderBy(n => n, System.StringComparer.Ordinal).ToList();
        known = string.Join(", ", names);
        // One likely name reads better than all 30; the full list stays in Expected for tools.
        var hint = ClosestName.Find(name, names) is { } closest ? $"did you mean '{closest}'?" : $"known functions are {known}";
        return $"unknown function '{name}'; {hint}";
    }

    /// <summary>
    /// <c>one_cycle has no parameter 'pct_strat'; did you mean 'pct_start'? Its parameters are …</c>: the closest
    /// name first (as for functions), then every name, which is short for a parameter list.
    /// </summary>
    public static string NoParameter(FunctionSpec spec, string name) =>
        ClosestName.Find(name, spec.Params.Select(p => p.Name)) is { } closest
            ? $"{spec.Name} has no parameter '{name}'; did you mean '{closest}'? Its parameters are {Names(spec)}"
            : $"{spec.Name} has no parameter '{name}'; its parameters are {Names(spec)}";

    public static string GivenTwice(string function, string name) => $"{function}: {name} is given twice";

    public static string Required(FunctionSpec spec, ParamSpec parameter) => $"{spec.Name}: {parameter.Name} is required ({spec.Name}({Names(spec)}))";

    /// <summary>A rule's <paramref name="problem"/> (<see cref="Rules.Problem"/>, <see cref="ArgProblem"/>) for one parameter.</summary>
    public static string Problem(string function, string parameter, string problem) => $"{function}: {parameter} {problem}";

    public static string NotANumber(string function, string parameter) => $"{function}: {parameter} must be a number";

    public static string NotNumbers(FunctionSpec spec, ParamSpec parameter) => $"{spec.Name}: {parameter.Name} must be a list of numbers [a, b, …]";

    public static string NotScheds(FunctionSpec spec, ParamSpec parameter) => $"{spec.Name}: {parameter.Name} must be a list of schedules [s1, s2, …]";

    public static string NotAHyper(string function, string parameter) => $"{function}: {parameter} must be a number, a per-group list [a, b, …] or slice(…)";

    /// <summary>How a slice is written, e.g. <c>slice(stop) or slice(start, stop)</c>.</summary>
    public static string SliceShape(bool v1) => v1 ? "slice_v1(stop)" : "slice(stop) or slice(start, stop)";

    public static string SliceArity(string name, bool v1) => $"{name} takes {(v1 ? "one number" : "one or two numbers")}: {SliceShape(v1)}";
}
