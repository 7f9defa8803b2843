#nullable enable
#if NETSTANDARD2_0
using System;
using System.Collections.Generic;
#endif

namespace SchedDsl.Text;

/// <summary>
/// Binds calls: finds the function, places positional and named arguments Python's way, applies defaults. Every
/// problem goes to <see cref="Problems"/> and binding goes on with the next argument; a value that could not be bound
/// comes back null, and so does every call that holds one (it is not built, and its cross-argument rules do not run).
/// </summary>
internal sealed partial class Binder
{
    internal static readonly string[] SliceNames = { "slice", "slice_v1" };

    private readonly HashSet<string> custom;
    private readonly Problems problems;

    // Set when the caller builds what it binds: each schedule of a list is built as soon as it is checked.
    private readonly Func<BoundSched, object>? buildNow;

    public Binder(HashSet<string> custom, Problems problems, Func<BoundSched, object>? buildNow = null)
    {
        this.custom = custom;
        this.problems = problems;
        this.buildNow = buildNow;
    }

    /// <summary>The checked schedule, or null when it has a problem (reported).</summary>
    public BoundSched? Sched(SyntaxNode node) => node switch
    {
        CallNode call when !IsSlice(call.Name) => Call(call),
        _ => Hyper(node, "const", "value", Rule.Finite) is { } value ? new BoundConst(value) : null,
    };

    private BoundCall? Call(CallNode call)
    {
        var spec = Spec(call);
        if (spec is null || !PositionalBeforeNamed(spec, call))
        {
            return null;
        }
        var arguments = new BoundValue?[spec.Params.Count];
        // A bit per parameter (a function has far fewer than 64): no array per call.
        var given = 0UL;
        var complete = true;
        var positional = 0;
        // Indexed, not foreach: an enumerator through the interface would be an object per call.
        for (var a = 0; a < call.Arguments.Count; a++)
        {
            var argument = call.Arguments[a];
            var index = Place(spec, call, argument, given, ref positional);
            if (index < 0)
            {
                complete = false;
                continue;
            }
            given |= 1UL << index;
            arguments[index] = Value(spec, spec.Params[index], argument.Value);
            complete &= arguments[index] is not null;
        }
        for (var i = 0; i < spec.Params.Count; i++)
        {
            if ((given & (1UL << i)) == 0 && spec.Params[i].Default is null)
            {
                problems.Report(new TextError(BindMessages.Required(spec, spec.Params[i]), call.Start, call.Length, spec.Params[i].Name));
                complete = false;
            }
        }
        if (!complete)
        {
            // The cross-argument rules read every argument: with one missing or wrong they would only blame it twice.
            return null;
        }
        var bound = new BoundCall(spec, arguments, call);
        if (spec.Check?.Invoke(bound.ToArgs()) is { } problem)
        {
            var where = bound.Where(problem.BaseParameter);
            problems.Report(new TextError(BindMessages.Problem(spec.Name, problem.Parameter, problem.Problem), where.Start, where.Length, ""));
            return null;
        }
        return bound;
    }

    /// <summary>The parameter <paramref name="argument"/> is given to, or -1 (reported) when it has none or is given twice.</summary>
    private int Place(FunctionSpec spec, CallNode call, ArgumentNode argument, ulong given, ref int positional)
    {
        if (argument.Name is null)
        {
            if (positional >= spec.Params.Count)
            {
                // Once per call: each further argument would say the same.
                if (positional++ == spec.Params.Count)
                {
                    problems.Report($"{spec.Name} takes at most {spec.Params.Count} arguments ({Names(spec)}), got {call.Arguments.Count}", argument.Value, "')'");
                }
                return -1;
            }
            return positional++;
        }
        var index = IndexOf(spec, argument.Name);
        if (index < 0)
        {
            problems.Report(new TextError(BindMessages.NoParameter(spec, argument.Name), argument.Start, argument.Name.Length, Names(spec)));
            return -1;
        }
        if ((given & (1UL << index)) != 0)
        {
            problems.Report(new TextError(BindMessages.GivenTwice(spec.Name, argument.Name), argument.Start, argument.Name.Length, "each parameter once"));
            return -1;
        }
        return index;
    }

    /// <summary>Python rejects <c>f(a=1, 2)</c> before it looks at names; so do we (false, reported).</summary>
    private bool PositionalBeforeNamed(FunctionSpec spec, CallNode call)
    {
        var sawNamed = false;
        for (var a = 0; a < call.Arguments.Count; a++)
        {
            var argument = call.Arguments[a];
            if (argument.Name is not null)
            {
                sawNamed = true;
            }
            else if (sawNamed)
            {
                problems.Report($"{spec.Name}: a positional argument cannot follow a named one", argument.Value, "a named argument");
                return false;
            }
        }
        return true;
    }

    private FunctionSpec? Spec(CallNode call)
    {
        if (FunctionTable.All.TryGetValue(call.Name, out var spec))
        {
            return spec;
        }
        if (custom.Contains(call.Name))
        {
            return AnnealerFunctions.Custom(call.Name);
        }
        // Its arguments are not checked: without the function, nothing says what they should be.
        var message = BindMessages.UnknownFunction(call.Name, custom, out var known);
        problems.Report(new TextError(message, call.Start, call.Name.Length, known));
        return null;
    }

    private static bool IsSlice(string name) => name is "slice" or "slice_v1";

    private static int IndexOf(FunctionSpec spec, string name)
    {
        for (var i = 0; i < spec.Params.Count; i++)
        {
            if (spec.Params[i].Name == name)
            {
                return i;
            }
        }
        return -1;
    }

    private static string Names(FunctionSpec spec) => BindMessages.Names(spec);
}
