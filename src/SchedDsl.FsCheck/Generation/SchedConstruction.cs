using System.Globalization;
using System.Text;
using SchedDsl.Text;

namespace SchedDsl.Testing.Generation;

/// <summary>
/// The one place where generated arguments become a schedule. Today it writes the call in the text form and parses
/// it, so every rule the text form and the factories enforce (ranges, pcts summing to 1, sorted milestones, shares
/// that fit, <c>pct_start &lt;= 0.5</c>) decides what is valid, and a function added to
/// <see cref="FunctionTable.All"/> is built with no change here. It can become a direct call to the declaration's
/// factory without touching the generators.
/// </summary>
internal static class SchedConstruction
{
    /// <summary>
    /// <paramref name="spec"/> called with <paramref name="args"/>, or null when Core rejects them.
    /// </summary>
    /// <param name="spec">The function.</param>
    /// <param name="args">
    /// One entry per parameter in positional order: null (left out: the default), a <see cref="double"/> (Number,
    /// Integer), a <see cref="double"/>[] (Numbers), a <see cref="Hyper"/> or a <see cref="Sched"/>[] (Scheds).
    /// </param>
    public static Sched? Build(FunctionSpec spec, IReadOnlyList<object?> args)
    {
        var text = new StringBuilder(spec.Name).Append('(');
        var named = false;
        var first = true;
        for (var i = 0; i < spec.Params.Count; i++)
        {
            if (args[i] is not { } arg)
            {
                // After a left-out argument the rest must be named.
                named = true;
                continue;
            }
            text.Append(first ? "" : ", ");
            first = false;
            if (named)
            {
                text.Append(spec.Params[i].Name).Append('=');
            }
            Append(text, arg);
        }
        text.Append(')');
        return Sched.TryParse(text.ToString(), out var sched) ? sched : null;
    }

    private static void Append(StringBuilder text, object arg)
    {
        switch (arg)
        {
            case double number:
                text.Append(TextNumbers.Format(number));
                break;
            case double[] numbers:
                text.Append('[').AppendJoin(", ", numbers.Select(TextNumbers.Format)).Append(']');
                break;
            case Sched[] scheds:
                text.Append('[').AppendJoin(", ", scheds.Select(s => s.ToString())).Append(']');
                break;
            default:
                text.Append(Convert.ToString(arg, CultureInfo.InvariantCulture));
                break;
        }
    }
}
