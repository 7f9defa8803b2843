#nullable enable
#if NETSTANDARD2_0
using System.Collections.Generic;
#endif

namespace SchedDsl.Text;

/// <summary>
/// The numbers of one call's arguments, by parameter, with defaults applied: what a function's cross-argument
/// check reads. Built from checked text by the binder (parse and compile time) and from C# values by the factories
/// (run time), so both run the same check.
/// </summary>
internal sealed class Args
{
    private readonly FunctionSpec function;
    private readonly double[]?[] values;

    /// <param name="function">The function called.</param>
    /// <param name="values">
    /// One entry per parameter: a number as one item, a per-group value's written numbers (a list's items, a slice's
    /// start and stop), a list of numbers, or for schedules one (ignored) item per schedule; null where the default applies.
    /// </param>
    public Args(FunctionSpec function, double[]?[] values)
    {
        this.function = function;
        this.values = values;
    }

    // The last placeholder array handed out: lists of schedules are checked only by their count, so one array of zeros
    // serves every check of a list that long (a 10,000-part combine is then not 80 KB of garbage per check).
    private static double[] placeholders = System.Array.Empty<double>();

    /// <summary>The entry for a list of <paramref name="count"/> schedules: that many zeros, shared, never written.</summary>
    public static double[] Placeholders(int count)
    {
        var cached = placeholders;
        return cached.Length == count ? cached : placeholders = new double[count];
    }

    /// <summary>The number given for <paramref name="parameter"/>, or its default.</summary>
    public double Number(string parameter)
    {
        var index = function.IndexOf(parameter);
        return values[index] is { } given ? given[0] : function.Params[index].Default!.Value;
    }

    /// <summary>The numbers given for <paramref name="parameter"/> (empty when left to a default).</summary>
    public IReadOnlyList<double> Numbers(string parameter) => values[function.IndexOf(parameter)] ?? [];
}
