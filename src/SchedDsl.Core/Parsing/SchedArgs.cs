using SchedDsl.Text;

namespace SchedDsl.Parsing;

/// <summary>The C# values of a checked call's arguments, in parameter order, with defaults applied.</summary>
internal static class SchedArgs
{
    /// <summary>Fills <paramref name="values"/> (one slot per parameter) with the call's C# arguments.</summary>
    public static void Fill(BoundCall call, IReadOnlyList<Sched> scheds, Span<object?> values)
    {
        var parameters = call.Function.Params;
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = (parameters[i].Kind, call.Arguments[i]) switch
            {
                (ParamKind.Hyper, BoundHyper hyper) => ToHyper(hyper),
                (ParamKind.Integer, BoundNumber number) => ToInt(number.Value),
                (ParamKind.Integer, null) => (int)parameters[i].Default!.Value,
                (_, BoundNumber number) => number.Value,
                // The bound tree is dropped after building, so its arrays can go to the factory as they are (the
                // factories copy what they keep).
                (_, BoundNumbers numbers) => numbers.Values as double[] ?? [.. numbers.Values],
                (ParamKind.Scheds, _) => scheds,
                (ParamKind.Sched, _) => scheds[0],
                _ => parameters[i].Default!.Value,
            };
        }
    }

    public static Hyper ToHyper(BoundHyper value) => value.Form == HyperForm.Scalar ? value.Scalar : ToHyper(value.Form, value.Numbers);

    /// <summary>The C# value of a checked per-group value written as <paramref name="form"/> with <paramref name="numbers"/>.</summary>
    public static Hyper ToHyper(HyperForm form, IReadOnlyList<double> numbers) => form switch
    {
        HyperForm.Scalar => numbers[0],
        HyperForm.List => Hyper.Of([.. numbers]),
        HyperForm.SliceV1 => Hyper.Slice(numbers[0], SliceRule.FastaiV1),
        _ => numbers.Count == 1 ? Hyper.Slice(numbers[0]) : Hyper.Slice(numbers[0], numbers[1]),
    };

    /// <summary>A checked whole number (at least 1, at most <c>int.MaxValue</c> by its rule) as the factory's <c>int</c>.</summary>
    public static int ToInt(double value) => (int)Math.Min(int.MaxValue, value);
}
