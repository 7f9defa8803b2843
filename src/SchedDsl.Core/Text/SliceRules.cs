#nullable enable
#if NETSTANDARD2_0
using System.Collections.Generic;
#endif

namespace SchedDsl.Text;

/// <summary>
/// The rules on a slice's numbers once each is a finite number, written once for the text binder and the JSON
/// reader: a start of 0 means no start (fastai's <c>if lr.start:</c>); otherwise both ends are &gt; 0 (even_mults
/// is geometric); then every kept number is under the rule of the parameter the slice is given to.
/// </summary>
internal static class SliceRules
{
    /// <summary>True when <c>slice(0, stop)</c> is <c>slice(stop)</c>.</summary>
    public static bool DropsStart(IReadOnlyList<double> numbers) => numbers.Count == 2 && numbers[0] == 0;

    /// <summary>The first problem (a whole message) and the index of the number to blame; null when the slice is fine.</summary>
    public static string? Problem(IReadOnlyList<double> numbers, string function, string parameter, Rule rule, out int blamed)
    {
        var first = DropsStart(numbers) ? 1 : 0;
        if (numbers.Count == 2 && first == 0)
        {
            if (Rules.Problem(numbers[0], Rule.Positive) is { } start)
            {
                blamed = 0;
                return BindMessages.Problem("slice", "start", start);
            }
            if (Rules.Problem(numbers[1], Rule.Positive) is { } stop)
            {
                blamed = 1;
                return BindMessages.Problem("slice", "stop", stop);
            }
        }
        for (var i = first; i < numbers.Count; i++)
        {
            if (Rules.Problem(numbers[i], rule) is { } problem)
            {
                blamed = i;
                return BindMessages.Problem(function, parameter, problem);
            }
        }
        blamed = -1;
        return null;
    }
}
