using SchedDsl.Parsing;
using SchedDsl.Text;

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
    /// Integer), a <see cref="double"/>[] (Numbers), a <see cref="Hyper"/> or a <see cref="Sched"/>[] (Scheds).
    /// </param>
    public static Sched? Build(FunctionSpec spec, IReadOnlyList<object?> args)
    {
        var numbers = new double[]?[spec.Params.Count];
        var values = new object?[spec.Params.Count];
        for (var i = 0; i < values.Length; i++)
        {
            var parameter = spec.Params[i];
            var arg = args[i] ?? parameter.Default;
            numbers[i] = arg switch
            {
                double number => [number],
                double[] list => list,
                Hyper hyper => [.. hyper.Numbers],
                Sched[] scheds => new double[scheds.Length],
                _ => null,
            };
            values[i] = parameter.Kind == ParamKind.Integer && arg is double whole ? (int)Math.Min(int.MaxValue, whole) : arg;
        }
        if (spec.Validate(numbers) is not null)
        {
            return null;
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
