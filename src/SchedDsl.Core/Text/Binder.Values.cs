#nullable enable
#if NETSTANDARD2_0
using System.Collections.Generic;
#endif

namespace SchedDsl.Text;

/// <summary>
/// Binds argument values by their parameter's kind and checks their ranges with <see cref="Rules"/>. Each wrong
/// number is its own problem (a list with two wrong items reports both); a value with any problem comes back null.
/// </summary>
internal sealed partial class Binder
{
    private BoundValue? Value(FunctionSpec spec, ParamSpec parameter, SyntaxNode node)
    {
        switch (parameter.Kind)
        {
            case ParamKind.Hyper:
                return Hyper(node, spec.Name, parameter.Name, parameter.Rule);
            case ParamKind.Number:
            case ParamKind.Integer:
                return Number(node, spec.Name, parameter.Name, parameter.Rule, out var number) ? new BoundNumber(number, node) : null;
            case ParamKind.Numbers:
                if (node is not ListNode list)
                {
                    problems.Report(BindMessages.NotNumbers(spec, parameter), node, "'['");
                    return null;
                }
                var values = new double[list.Items.Count];
                var valid = true;
                for (var i = 0; i < values.Length; i++)
                {
                    valid &= Number(list.Items[i], spec.Name, parameter.Name, parameter.Rule, out values[i], item: i);
                }
                return valid ? new BoundNumbers(values, node) : null;
            case ParamKind.Sched:
                // Bound as a list of one: building and the cross-argument checks treat both kinds alike.
                return Sched(node) is { } one ? new BoundScheds((IReadOnlyList<BoundSched>)new[] { one }, node) : null;
            default:
                if (node is not ListNode scheds)
                {
                    problems.Report(BindMessages.NotScheds(spec, parameter), node, "'['");
                    return null;
                }
                return Scheds(scheds);
        }
    }

    /// <summary>Every schedule of <paramref name="list"/>, each checked (and built, when the caller builds) even after one has a problem.</summary>
    private BoundScheds? Scheds(ListNode list)
    {
        var valid = true;
        if (buildNow is not null)
        {
            // Each part built as soon as it is checked, and its bound tree dropped: a long combine then keeps only
            // its built parts alive, not a second tree of them (issue 22, item 5).
            var built = new object[list.Items.Count];
            for (var i = 0; i < built.Length; i++)
            {
                if (Sched(list.Items[i]) is { } part && BuildNow(part) is { } value)
                {
                    built[i] = value;
                }
                else
                {
                    valid = false;
                }
            }
            return valid ? new BoundScheds(built, list) : null;
        }
        var bound = new BoundSched[list.Items.Count];
        for (var i = 0; i < bound.Length; i++)
        {
            if (Sched(list.Items[i]) is { } part)
            {
                bound[i] = part;
            }
            else
            {
                valid = false;
            }
        }
        return valid ? new BoundScheds((IReadOnlyList<BoundSched>)bound, list) : null;
    }

    /// <summary>What the builder makes of <paramref name="part"/>, or null when the builder refused it (reported).</summary>
    private object? BuildNow(BoundSched part)
    {
        try
        {
            return buildNow!(part);
        }
        catch (TextErrorException refused)
        {
            problems.Report(refused.Error);
            return null;
        }
    }

    /// <summary>
    /// The number at <paramref name="node"/> under <paramref name="rule"/>; a problem names it <c>parameter[item]</c>
    /// when <paramref name="item"/> is set (an item of a list-of-numbers parameter), spelt out only then.
    /// </summary>
    private bool Number(SyntaxNode node, string function, string parameter, Rule rule, out double value, int item = -1)
    {
        if (node is not NumberNode number)
        {
            problems.Report(BindMessages.NotANumber(function, BindMessages.Item(parameter, item)), node, "a number");
            value = 0;
            return false;
        }
        value = number.Value;
        return Checked(value, node, function, parameter, rule, item);
    }


    private BoundHyper? Hyper(SyntaxNode node, string function, string parameter, Rule rule)
    {
        switch (node)
        {
            case NumberNode number:
                return Checked(number.Value, node, function, parameter, rule)
                    ? new BoundHyper(number.Value, node)
                    : null;
            case ListNode list when list.Items.Count > 0:
                var values = new double[list.Items.Count];
                var valid = true;
                for (var i = 0; i < values.Length; i++)
                {
                    valid &= Number(list.Items[i], function, parameter, rule, out values[i]);
                }
                return valid ? new BoundHyper(HyperForm.List, values, node) : null;
            case CallNode call when IsSlice(call.Name):
                return Slice(call, function, parameter, rule);
            default:
                problems.Report(BindMessages.NotAHyper(function, parameter), node, "a number, '[' or slice(");
                return null;
        }
    }

    private BoundHyper? Slice(CallNode call, string function, string parameter, Rule rule)
    {
        var v1 = call.Name == "slice_v1";
        var maxArguments = v1 ? 1 : 2;
        if (call.Arguments.Count < 1 || call.Arguments.Count > maxArguments || HasNamed(call))
        {
            problems.Report(BindMessages.SliceArity(call.Name, v1), call, BindMessages.SliceShape(v1));
            return null;
        }
        // Read as written: every rule on them, finiteness included, is the slice's (SliceRules, as Hyper.Slice runs it).
        var numbers = new double[call.Arguments.Count];
        var valid = true;
        for (var i = 0; i < numbers.Length; i++)
        {
            if (call.Arguments[i].Value is NumberNode number)
            {
                numbers[i] = number.Value;
            }
            else
            {
                problems.Report(BindMessages.NotANumber(call.Name, "value"), call.Arguments[i].Value, "a number");
                valid = false;
            }
        }
        if (!valid)
        {
            return null;
        }
        if (SliceRules.Problem(numbers, call.Name, function, parameter, rule, out var blamed) is { } problem)
        {
            problems.Report(problem, call.Arguments[blamed].Value, "");
            return null;
        }
        if (SliceRules.DropsStart(numbers))
        {
            numbers = new[] { numbers[1] };
        }
        return new BoundHyper(v1 ? HyperForm.SliceV1 : HyperForm.Slice, numbers, call);
    }

    private static bool HasNamed(CallNode call)
    {
        for (var i = 0; i < call.Arguments.Count; i++)
        {
            if (call.Arguments[i].Name is not null)
            {
                return true;
            }
        }
        return false;
    }

    /// <summary>True when <paramref name="value"/> is under <paramref name="rule"/>; else reports it at <paramref name="node"/>.</summary>
    private bool Checked(double value, SyntaxNode node, string function, string parameter, Rule rule, int item = -1)
    {
        if (Rules.Problem(value, rule) is not { } problem)
        {
            return true;
        }
        problems.Report(BindMessages.Problem(function, BindMessages.Item(parameter, item), problem), node, "");
        return false;
    }
}
