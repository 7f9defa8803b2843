#nullable enable
#if NETSTANDARD2_0
using System.Linq;
#endif

namespace SchedDsl.Text;

/// <summary>Binds argument values by their parameter's kind and checks their ranges with <see cref="Rules"/>.</summary>
internal sealed partial class Binder
{
    private BoundValue Value(FunctionSpec spec, ParamSpec parameter, SyntaxNode node)
    {
        switch (parameter.Kind)
        {
            case ParamKind.Hyper:
                return Hyper(node, spec.Name, parameter.Name, parameter.Rule);
            case ParamKind.Number:
            case ParamKind.Integer:
                return new BoundNumber(Number(node, spec.Name, parameter.Name, parameter.Rule), node);
            case ParamKind.Numbers:
                var list = node as ListNode ?? throw Error(BindMessages.NotNumbers(spec, parameter), node, "'['");
                var values = new double[list.Items.Count];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = Number(list.Items[i], spec.Name, $"{parameter.Name}[{i}]", parameter.Rule);
                }
                return new BoundNumbers(values, node);
            case ParamKind.Sched:
                // Bound as a list of one: building and the cross-argument checks treat both kinds alike.
                return new BoundScheds(new[] { Sched(node) }, node);
            default:
                var scheds = node as ListNode ?? throw Error(BindMessages.NotScheds(spec, parameter), node, "'['");
                var bound = new BoundSched[scheds.Items.Count];
                for (var i = 0; i < bound.Length; i++)
                {
                    bound[i] = Sched(scheds.Items[i]);
                }
                return new BoundScheds(bound, node);
        }
    }

    private static double Number(SyntaxNode node, string function, string parameter, Rule rule)
    {
        var number = node as NumberNode ?? throw Error(BindMessages.NotANumber(function, parameter), node, "a number");
        return Checked(number.Value, node, function, parameter, rule);
    }

    private static BoundHyper Hyper(SyntaxNode node, string function, string parameter, Rule rule)
    {
        switch (node)
        {
            case NumberNode number:
                return new BoundHyper(HyperForm.Scalar, new[] { Checked(number.Value, node, function, parameter, rule) }, node);
            case ListNode list when list.Items.Count > 0:
                var values = new double[list.Items.Count];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = Number(list.Items[i], function, parameter, rule);
                }
                return new BoundHyper(HyperForm.List, values, node);
            case CallNode call when IsSlice(call.Name):
                return Slice(call, function, parameter, rule);
            default:
                throw Error(BindMessages.NotAHyper(function, parameter), node, "a number, '[' or slice(");
        }
    }

    private static BoundHyper Slice(CallNode call, string function, string parameter, Rule rule)
    {
        var v1 = call.Name == "slice_v1";
        var maxArguments = v1 ? 1 : 2;
        if (call.Arguments.Count < 1 || call.Arguments.Count > maxArguments || call.Arguments.Any(a => a.Name is not null))
        {
            throw Error(BindMessages.SliceArity(call.Name, v1), call, BindMessages.SliceShape(v1));
        }
        var numbers = call.Arguments.Select(a => Number(a.Value, call.Name, "value", Rule.Finite)).ToArray();
        if (SliceRules.Problem(numbers, function, parameter, rule, out var blamed) is { } problem)
        {
            throw Error(problem, call.Arguments[blamed].Value, "");
        }
        if (SliceRules.DropsStart(numbers))
        {
            numbers = new[] { numbers[1] };
        }
        return new BoundHyper(v1 ? HyperForm.SliceV1 : HyperForm.Slice, numbers, call);
    }

    private static double Checked(double value, SyntaxNode node, string function, string parameter, Rule rule) =>
        Rules.Problem(value, rule) is { } problem ? throw Error(BindMessages.Problem(function, parameter, problem), node, "") : value;
}
