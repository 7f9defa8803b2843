using SchedDsl.Text;

namespace SchedDsl.Parsing;

/// <summary>The C# values of a checked call's arguments, in parameter order, with defaults applied.</summary>
internal static class SchedArgs
{
    public static object?[] Of(BoundCall call, IReadOnlyList<Sched> scheds)
    {
        var parameters = call.Function.Params;
        var values = new object?[parameters.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (parameters[i].Kind, call.Arguments[i]) switch
            {
                (ParamKind.Hyper, BoundHyper hyper) => ToHyper(hyper),
                (ParamKind.Integer, BoundNumber number) => (int)Math.Min(int.MaxValue, number.Value),
                (ParamKind.Integer, null) => (int)parameters[i].Default!.Value,
                (_, BoundNumber number) => number.Value,
                (_, BoundNumbers numbers) => numbers.Values.ToArray(),
                (ParamKind.Scheds, _) => scheds.ToArray(),
                _ => parameters[i].Default!.Value,
            };
        }
        return values;
    }

    public static Hyper ToHyper(BoundHyper value) => value.Form switch
    {
        HyperForm.Scalar => value.Numbers[0],
        HyperForm.List => Hyper.Of([.. value.Numbers]),
        HyperForm.SliceV1 => Hyper.Slice(value.Numbers[0], SliceRule.FastaiV1),
        _ => value.Numbers.Count == 1 ? Hyper.Slice(value.Numbers[0]) : Hyper.Slice(value.Numbers[0], value.Numbers[1]),
    };
}
