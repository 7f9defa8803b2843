using SchedDsl.Parsing;
using SchedDsl.Text;
using SchedDsl.Validation;

namespace SchedDsl.Testing.Generation;

/// <summary>
/// The one place where generated arguments become a schedule: the declaration's rules decide what is valid (ranges,
/// pcts summing to 1, sorted milestones, shares that fit, <c>pct_start &lt;= 0.5</c>), then the public factory the
/// declaration names builds it, so a function added to <see cref="FunctionTable.Declarations"/> is built with no
/// change here.
/// </summary>
internal static class SchedConstruction
{
    /// <summary>
    /// <paramref name="spec"/> called with <paramref name="args"/>, or null when its rules reject them.
    /// </summary>
    /// <param name="spec">The function.</param>
    /// <param name="args">
    /// One entry per parameter in positional order: null (left out: the default), a <see cref="double"/> (Number,
    /// Integer), a <see cref="double"/>[] (Numbers), a <see cref="Hyper"/>, a <see cref="Sched"/>[] (Scheds) or a <see cref="Sched"/> (Sched).
    /// </param>
    public static Sched? Build(FunctionSpec spec, IReadOnlyList<object?> args)
    {
        var values = new object?[spec.Params.Count];
        for (var i = 0; i < values.Length; i++)
        {
            values[i] = args[i] ?? spec.Params[i].Default;
        }
        // The factories' own check, on the values as drawn (a whole-number parameter still as a double, so 2.5 is
        // rejected rather than truncated).
        if (Declared.Problem(spec, values) is not null)
        {
            return null;
        }
        for (var i = 0; i < values.Length; i++)
        {
            if (spec.Params[i].Kind == ParamKind.Integer && values[i] is double whole)
            {
                values[i] = (int)Math.Min(int.MaxValue, whole);
            }
        }
        try
        {
            return Factories.Invoke(spec, values);
        }
        catch (SchedArgumentException)
        {
            // Structural limits beyond the declaration (Sched.MaxDepth).
            return null;
        }
    }
}
