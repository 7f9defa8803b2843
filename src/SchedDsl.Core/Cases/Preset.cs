using System.Text;
using SchedDsl.Collections;
using SchedDsl.Validation;

namespace SchedDsl;

/// <summary>
/// A named schedule (one-cycle, SGDR, …) that keeps its own parameters for printing and equality and evaluates
/// through its expansion into the basic parts (annealers and <see cref="CombineSched"/>).
/// </summary>
internal abstract record Preset : Sched
{
    // Most presets expand to a combine: calling the sealed type directly saves a virtual call per evaluation.
    private readonly CombineSched? combine;

    private protected Preset(Sched expanded)
        : base(expanded.IsPerGroup)
    {
        Expanded = expanded;
        combine = expanded as CombineSched;
    }

    /// <summary>The same schedule built from basic parts.</summary>
    public Sched Expanded { get; }

    /// <summary>The expansion when it is a combine (most presets), else null.</summary>
    internal CombineSched? ExpandedCombine => combine;

    /// <summary>The text-form name, e.g. <c>one_cycle</c>.</summary>
    public abstract string Name { get; }

    internal sealed override double Eval(double pos) => combine is not null ? combine.Eval(pos) : Expanded.Eval(pos);

    /// <summary>
    /// Prints <c>name(positional…, key=value…)</c>, leaving out named arguments equal to their defaults; numbers in
    /// the text form's invariant format, number lists as <c>[a, b]</c>, anything else (a <see cref="Hyper"/>) as itself.
    /// </summary>
    private protected void PrintCall(StringBuilder builder, object[] positional, params (string Name, object Value, object Default)[] named)
    {
        builder.Append(Name).Append('(');
        var first = true;
        foreach (var argument in positional)
        {
            Separate(builder, ref first);
            Value(builder, argument);
        }
        foreach (var (key, value, defaultValue) in named)
        {
            if (!IsDefault(value, defaultValue))
            {
                Separate(builder, ref first);
                builder.Append(key).Append('=');
                Value(builder, value);
            }
        }
        builder.Append(')');
    }

    // Doubles by their bits: -0 equals a default of 0 numerically, but dropping it would print a text that parses
    // back to +0, and the text form keeps every double bit for bit.
    private static bool IsDefault(object value, object defaultValue) =>
        value is double number && defaultValue is double fallback
            ? BitConverter.DoubleToInt64Bits(number) == BitConverter.DoubleToInt64Bits(fallback)
            : value.Equals(defaultValue);

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
