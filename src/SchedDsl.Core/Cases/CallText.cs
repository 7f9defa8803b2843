using System.Text;
using SchedDsl.Text;

namespace SchedDsl;

/// <summary>
/// Prints a call as the text form writes it, from its declaration: <c>name(required…, key=value…)</c>, leaving out
/// arguments equal to their defaults.
/// </summary>
internal static class CallText
{
    public static void Print(StringBuilder builder, FunctionSpec function, object[] arguments)
    {
        builder.Append(function.Name).Append('(');
        var first = true;
        for (var i = 0; i < arguments.Length; i++)
        {
            var parameter = function.Params[i];
            if (parameter.Default is { } defaultValue)
            {
                if (IsDefault(arguments[i], defaultValue))
                {
                    continue;
                }
                Separate(builder, ref first);
                builder.Append(parameter.Name).Append('=');
            }
            else
            {
                Separate(builder, ref first);
            }
            Value(builder, arguments[i]);
        }
        builder.Append(')');
    }

    // Doubles by their bits: -0 equals a default of 0 numerically, but dropping it would print a text that parses
    // back to +0, and the text form keeps every double bit for bit.
    private static bool IsDefault(object value, double defaultValue) => value switch
    {
        double number => BitConverter.DoubleToInt64Bits(number) == BitConverter.DoubleToInt64Bits(defaultValue),
        int number => number == defaultValue,
        _ => false,
    };

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
                builder.Append(TextNumbers.Format(number));
                break;
            case int number:
                builder.Append(TextNumbers.Format(number));
                break;
            case IEnumerable<double> numbers:
                builder.Append('[').AppendJoin(", ", numbers.Select(TextNumbers.Format)).Append(']');
                break;
            case Sched sched:
                sched.Print(builder);
                break;
            case IEnumerable<Sched> scheds:
                builder.Append('[');
                var first = true;
                foreach (var sched in scheds)
                {
                    Separate(builder, ref first);
                    sched.Print(builder);
                }
                builder.Append(']');
                break;
            default:
                builder.Append(argument);
                break;
        }
    }
}
