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
                var list = node as ListNode ?? throw Error($"{spec.Name}: {parameter.Name} must be a list of numbers [a, b, …]", node, "'['");
                var values = new double[list.Items.Count];
                for (var i = 0; i < values.Length; i++)
                {
                    values[i] = Number(list.Items[i], spec.Name, $"{parameter.Name}[{i}]", parameter.Rule);
                }
                return new BoundNumbers(values, node);
            default:
                var scheds = node as ListNode ?? throw Error($"{spec.Name}: {parameter.Name} must be a list of schedules [s1, s2, …]", node, "'['");
                return new BoundScheds(scheds.Items.Select(Sched).ToArray(), node);
        }
    }

    private static double Number(SyntaxNode node, string function, string parameter, Rule rule)
    {
        var number = node as NumberNode ?? throw Error($"{function}: {parameter} must be a number", node, "a number");
        return Checked(number.Value, node, function, parameter, rule);
    }

    private static BoundHyper Hyper(SyntaxNode node, string function, string parameter, Rule rule)
    {
        switch (node)
        {
            case NumberNode number:
                return new BoundHyper(HyperForm.Scalar, new[] { Checked(number.Value, node, function, parameter, rule) }, node);
            case ListNode list when list.Items.Count > 0:
                var values = list.Items.Select(item => Number(item, function, parameter, rule)).ToArray();
                return new BoundHyper(HyperForm.List, values, node);
            case CallNode call when IsSlice(call.Name):
                return Slice(call, function, parameter, rule);
            default:
                throw Error($"{function}: {parameter} must be a number, a per-group list [a, b, …] or slice(…)", node, "a number, '[' or slice(");
        }
    }

    private static BoundHyper Slice(CallNode call, string function, string parameter, Rule rule)
    {
        var v1 = call.Name == "slice_v1";
        var maxArguments = v1 ? 1 : 2;
        if (call.Arguments.Count < 1 || call.Arguments.Count > maxArguments || call.Arguments.Any(a => a.Name is not null))
        {
            var shape = v1 ? "slice_v1(stop)" : "slice(stop) or slice(start, stop)";
            throw Error($"{call.Name} takes {(v1 ? "one number" : "one or two numbers")}: {shape}", call, shape);
        }
        var numbers = call.Arguments.Select(a => Number(a.Value, call.Name, "value", Rule.Finite)).ToArray();
        var first = 0;
        if (numbers.Length == 2 && numbers[0] == 0)
        {
            // A start of 0 means no start, as in fastai (`if lr.start:`): slice(0, stop) is slice(stop).
            first = 1;
        }
        else if (numbers.Length == 2)
        {
            // even_mults is geometric: both ends must be > 0.
            Checked(numbers[0], call.Arguments[0].Value, "slice", "start", Rule.Positive);
            Checked(numbers[1], call.Arguments[1].Value, "slice", "stop", Rule.Positive);
        }
        for (var i = first; i < numbers.Length; i++)
        {
            Checked(numbers[i], call.Arguments[i].Value, function, parameter, rule);
        }
        if (first == 1)
        {
            numbers = new[] { numbers[1] };
        }
        return new BoundHyper(v1 ? HyperForm.SliceV1 : HyperForm.Slice, numbers, call);
    }

    private static double Checked(double value, SyntaxNode node, string function, string parameter, Rule rule) =>
        Rules.Problem(value, rule) is { } problem ? throw Error($"{function}: {parameter} {problem}", node, "") : value;
}
