#nullable enable
#if NETSTANDARD2_0
using System;
using System.Collections.Generic;
#endif

namespace SchedDsl.Text;

/// <summary>Binds calls: finds the function, places positional and named arguments Python's way, applies defaults.</summary>
internal sealed partial class Binder
{
    internal static readonly string[] SliceNames = { "slice", "slice_v1" };

    private readonly HashSet<string> custom;

    // Set when the caller builds what it binds: each schedule of a list is built as soon as it is checked.
    private readonly Func<BoundSched, object>? buildNow;

    public Binder(HashSet<string> custom, Func<BoundSched, object>? buildNow = null)
    {
        this.custom = custom;
        this.buildNow = buildNow;
    }

    public BoundSched Sched(SyntaxNode node) => node switch
    {
        CallNode call when !IsSlice(call.Name) => Call(call),
        _ => new BoundConst(Hyper(node, "const", "value", Rule.Finite)),
    };

    private BoundCall Call(CallNode call)
    {
        var spec = Spec(call);
        CheckPositionalBeforeNamed(spec, call);
        var arguments = new BoundValue?[spec.Params.Count];
        var given = new bool[spec.Params.Count];
        var positional = 0;
        foreach (var argument in call.Arguments)
        {
            int index;
            if (argument.Name is null)
            {
                if (positional >= spec.Params.Count)
                {
                    throw Error($"{spec.Name} takes at most {spec.Params.Count} arguments ({Names(spec)}), got {call.Arguments.Count}", argument.Value, "')'");
                }
                index = positional++;
            }
            else
            {
                index = IndexOf(spec, argument.Name);
                if (index < 0)
                {
                    throw new TextErrorException(new TextError(
                        BindMessages.NoParameter(spec, argument.Name), argument.Start, argument.Name.Length, Names(spec)));
                }
                if (given[index])
                {
                    throw new TextErrorException(new TextError(
                        BindMessages.GivenTwice(spec.Name, argument.Name), argument.Start, argument.Name.Length, "each parameter once"));
                }
            }
            given[index] = true;
            arguments[index] = Value(spec, spec.Params[index], argument.Value);
        }
        for (var i = 0; i < spec.Params.Count; i++)
        {
            if (!given[i] && spec.Params[i].Default is null)
            {
                throw new TextErrorException(new TextError(
                    BindMessages.Required(spec, spec.Params[i]), call.Start, call.Length, spec.Params[i].Name));
            }
        }
        var bound = new BoundCall(spec, arguments, call);
        if (spec.Check?.Invoke(bound.ToArgs()) is { } problem)
        {
            var where = bound.Where(problem.BaseParameter);
            throw new TextErrorException(new TextError(BindMessages.Problem(spec.Name, problem.Parameter, problem.Problem), where.Start, where.Length, ""));
        }
        return bound;
    }

    /// <summary>Python rejects <c>f(a=1, 2)</c> before it looks at names; so do we.</summary>
    private static void CheckPositionalBeforeNamed(FunctionSpec spec, CallNode call)
    {
        var sawNamed = false;
        foreach (var argument in call.Arguments)
        {
            if (argument.Name is not null)
            {
                sawNamed = true;
            }
            else if (sawNamed)
            {
                throw Error($"{spec.Name}: a positional argument cannot follow a named one", argument.Value, "a named argument");
            }
        }
    }

    private FunctionSpec Spec(CallNode call)
    {
        if (FunctionTable.All.TryGetValue(call.Name, out var spec))
        {
            return spec;
        }
        if (custom.Contains(call.Name))
        {
            return AnnealerFunctions.Custom(call.Name);
        }
        var message = BindMessages.UnknownFunction(call.Name, custom, out var known);
        throw new TextErrorException(new TextError(message, call.Start, call.Name.Length, known));
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

    private static TextErrorException Error(string message, SyntaxNode node, string expected) =>
        new(new TextError(message, node.Start, node.Length, expected));
}
