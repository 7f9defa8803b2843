using System.Text;
using SchedDsl.Collections;
using SchedDsl.Validation;

namespace SchedDsl;

/// <summary>Building blocks and printing shared by the zoo's presets (the same parts fastai's schedules use).</summary>
internal static class ZooParts
{
    public static AnnealSched Lin(Hyper start, Hyper end) => new(AnnealerFactory.LinFactory, start, end);

    public static AnnealSched Cos(Hyper start, Hyper end) => new(AnnealerFactory.CosFactory, start, end);

    public static AnnealSched Exp(Hyper start, Hyper end) => new(AnnealerFactory.ExpFactory, start, end);

    public static AnnealSched Flat(Hyper value) => new(AnnealerFactory.NoFactory, value, value);

    public static CombineSched Combine(double[] pcts, Sched[] scheds) =>
        new(ValueArray<double>.Own(pcts), ValueArray<Sched>.Own(scheds));

    /// <summary>
    /// A constant <paramref name="lr"/> scaled by <c>factors[i]</c> from <c>boundaries[i]</c> on (sorted positions in
    /// [0, 1]); at a boundary the new factor applies.
    /// </summary>
    public static CombineSched Piecewise(Hyper lr, IReadOnlyList<double> boundaries, IReadOnlyList<double> factors)
    {
        var pcts = new double[boundaries.Count + 1];
        var scheds = new Sched[boundaries.Count + 1];
        var previous = 0.0;
        scheds[0] = Flat(lr);
        for (var i = 0; i < boundaries.Count; i++)
        {
            var boundary = Math.Min(boundaries[i], 1);
            pcts[i] = boundary - previous;
            previous = boundary;
            scheds[i + 1] = Flat(lr.Scale(factors[i]));
        }
        pcts[^1] = 1 - previous;
        return Combine(pcts, scheds);
    }

    /// <summary>Prints <c>name(positional…, key=value…)</c>, leaving out named arguments equal to their defaults.</summary>
    public static void Call(StringBuilder builder, string name, object[] positional, params (string Name, object Value, object Default)[] named)
    {
        builder.Append(name).Append('(');
        var first = true;
        foreach (var argument in positional)
        {
            Separate(builder, ref first);
            Value(builder, argument);
        }
        foreach (var (key, value, defaultValue) in named)
        {
            if (!value.Equals(defaultValue))
            {
                Separate(builder, ref first);
                builder.Append(key).Append('=');
                Value(builder, value);
            }
        }
        builder.Append(')');
    }

    private static void Separate(StringBuilder builder, ref bool first)
    {
        if (!first)
        {
            builder.Append(", ");
        }
        first = false;
    }

    private static void Value(StringBuilder builder, object argument)
    {
        switch (argument)
        {
            case double number:
                builder.Append(NumberText.Format(number));
                break;
            case ValueArray<double> numbers:
                builder.Append('[').AppendJoin(", ", numbers.Select(NumberText.Format)).Append(']');
                break;
            default:
                builder.Append(argument);
                break;
        }
    }
}
